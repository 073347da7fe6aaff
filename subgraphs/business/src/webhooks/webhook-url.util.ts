import { badInput } from "@billfold/shared";
import { isIP } from "node:net";
import { isPublicAddress } from "./public-address.util.ts";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const LOCAL_NAME_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa"];

export interface WebhookUrlPolicy {
  /** Private and local hosts allowed (development and tests deliver to 127.0.0.1); off in production. */
  allowPrivate: boolean;
}

/** Why `hostname` (as `URL.hostname` gives it) is not a public host, or null when it may be. */
export function privateHostReason(hostname: string): string | null {
  const bare = hostname.replace(/\.$/, "").toLowerCase();
  if (isIP(bare.replace(/^\[(.*)\]$/, "$1"))) return isPublicAddress(bare) ? null : `${hostname} is a private or local address`;
  if (bare === "localhost" || LOCAL_NAME_SUFFIXES.some((suffix) => bare.endsWith(suffix))) return `${hostname} is a local host name`;
  if (!bare.includes(".")) return `${hostname} is not a public host name`;
  return null;
}

/**
 * An http(s) URL without credentials, at most 2048 characters. Unless the policy allows private
 * hosts: https only, to a public host. Otherwise plain http is still limited to this machine.
 */
export function checkWebhookUrl(value: string, policy: WebhookUrlPolicy): string {
  const fail = (message: string) => badInput(message, { argument: "url" });
  if (value.length > 2048) throw fail("The endpoint URL is longer than 2048 characters.");
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw fail("The endpoint URL is not a valid URL: write it in full, e.g. https://example.com/webhooks.");
  }
  if (url.username || url.password) throw fail("Remove the user name and password from the endpoint URL: every delivery is signed instead.");
  if (policy.allowPrivate) {
    if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
      throw fail("The endpoint URL must be https:// (http:// only for localhost or 127.0.0.1).");
    }
  } else {
    if (url.protocol !== "https:") throw fail("The endpoint URL must be https://.");
    const reason = privateHostReason(url.hostname);
    if (reason) throw fail(`The endpoint URL cannot be used: ${reason}. Webhooks are only sent to public internet hosts.`);
  }
  url.hash = "";
  return url.toString();
}
