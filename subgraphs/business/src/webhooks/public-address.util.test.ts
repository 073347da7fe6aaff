import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./public-address.util.ts";

const hostOf = (url: string) => new URL(url).hostname;

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3", "100.64.0.1", "224.0.0.1", "255.255.255.255", "192.0.2.10",
  ])("refuses the IPv4 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.128.0.1", "169.255.0.1", "11.0.0.1"])(
    "accepts the public IPv4 address %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    "::1", "[::1]", "::", "0:0:0:0:0:0:0:1", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1",
    "2001:db8::1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1",
  ])("refuses the IPv6 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:4860:4860::8888"])("accepts the public IPv6 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.1.2.3", "::ffff:a9fe:a9fe", "[::ffff:192.168.0.1]"])(
    "judges the IPv4-mapped address %s by its IPv4 address",
    (address) => {
      expect(isPublicAddress(address)).toBe(false);
    },
  );

  it("accepts an IPv4-mapped public address", () => {
    expect(isPublicAddress("::ffff:8.8.8.8")).toBe(true);
  });

  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254"],
    ["http://[::ffff:127.0.0.1]/", "[::ffff:7f00:1]"],
    ["http://[0:0:0:0:0:0:0:1]/", "[::1]"],
  ])("refuses %s, which the URL parser reads as %s", (url, host) => {
    expect(hostOf(url)).toBe(host);
    expect(isPublicAddress(hostOf(url))).toBe(false);
  });

  it.each(["localhost", "example.com", "", "1.2.3", "999.1.1.1"])("does not take the non-address %j for a public address", (value) => {
    expect(isPublicAddress(value)).toBe(false);
  });
});
