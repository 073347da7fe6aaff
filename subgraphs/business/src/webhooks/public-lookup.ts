import { type LookupAddress, type LookupAllOptions, type LookupOneOptions, lookup } from "node:dns";
import { isPublicAddress } from "./public-address.util.ts";

/** A host that resolved to (or is) an address webhooks may not reach. */
export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls connections that resolves the host and refuses when any of its
 * addresses is not public. The connection then uses exactly the addresses checked here, so a
 * DNS answer that changes between a check and the connect (rebinding) cannot slip through.
 */
export function publicOnlyLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new PrivateAddressError(`${hostname} resolves to ${refused.address}, a private or local address`), []);
    if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
