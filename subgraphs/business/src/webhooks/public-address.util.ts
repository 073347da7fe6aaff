import { BlockList, isIP } from "node:net";

const IPV4_NOT_PUBLIC: [string, number][] = [
  ["0.0.0.0", 8], // "this network", incl. 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. 255.255.255.255
];

const IPV6_NOT_PUBLIC: [string, number][] = [
  ["::", 96], // unspecified, loopback ::1 and the deprecated IPv4-compatible ::a.b.c.d
  // Transition prefixes embed an IPv4 address that may be private: refused as a whole.
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["2002::", 16],
  ["2001::", 32],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
];

const notPublic = new BlockList();
for (const [prefix, bits] of IPV4_NOT_PUBLIC) notPublic.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of IPV6_NOT_PUBLIC) notPublic.addSubnet(prefix, bits, "ipv6");

/**
 * Whether `address` (an IPv4 or IPv6 literal, brackets and zone allowed) is a public internet
 * address. Anything else — private, loopback, link-local, reserved, or not an IP at all — is not.
 * IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are judged by their IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return false;
  return !notPublic.check(bare, family === 4 ? "ipv4" : "ipv6");
}
