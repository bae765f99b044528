import { describe, expect, it } from "vitest";
import { networkOf } from "./network-of";

describe("the client's network", () => {
  it("is the /24 of IPv4 and the /56 of IPv6", () => {
    expect(networkOf("196.200.131.77")).toBe("196.200.131.0/24");
    expect(networkOf("::ffff:196.200.131.77")).toBe("196.200.131.0/24");
    expect(networkOf("2a02:4780:12:abcd::1")).toBe("2a02:4780:0012:ab00::/56");
    expect(networkOf("2a02:4780:12:ab01:ffff::9")).toBe(networkOf("2a02:4780:12:abff::1"));
    expect(networkOf("2a02:4780:12:ac00::1")).not.toBe(networkOf("2a02:4780:12:abff::1"));
    expect(networkOf("unknown")).toBe("unknown");
  });
});
