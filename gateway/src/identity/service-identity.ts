import { type Identity, signIdentity } from "@billfold/shared";

const GATEWAY: Identity = { kind: "service", service: "gateway" };
const RESIGN_AFTER_MS = 30_000;

/** The gateway's own signed identity for accounts' internal routes, re-signed well before it expires. */
export function gatewayServiceSigner(secret: string, now: () => number = Date.now): () => string {
  let header = "";
  let signedAt = -Infinity;
  return () => {
    const time = now();
    if (time - signedAt > RESIGN_AFTER_MS) {
      header = signIdentity(GATEWAY, secret, time);
      signedAt = time;
    }
    return header;
  };
}
