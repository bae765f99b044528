import { describe, expect, it } from "vitest";
import {
  applyClientAddress,
  CLIENT_IP_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/web/trusted-proxies";

describe("trusted proxies", () => {
  it("with none configured, the client is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", parseTrustedProxies(""))).toEqual({
      client: "203.0.113.9",
      fromTrustedProxy: false,
    });
  });

  it("behind trusted proxies, walks X-Forwarded-For from the right past every trusted hop", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.51.100.7, 10.1.2.3", trusted).client).toBe("198.51.100.7");
    // A client cannot pick its own address by prepending one: only the rightmost untrusted hop counts.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7", trusted).client).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", "not-an-ip", trusted).client).toBe("127.0.0.1");
  });

  it("drops forwarded headers from an untrusted peer and any client-sent decided address", () => {
    const headers: Record<string, string | undefined> = {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      [CLIENT_IP_HEADER]: "9.9.9.9",
    };
    applyClientAddress(headers, "203.0.113.9", parseTrustedProxies(""));
    expect(headers).toEqual({ [CLIENT_IP_HEADER]: "203.0.113.9" });
    const proxied: Record<string, string | undefined> = {
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "stopsms.ma",
      [CLIENT_IP_HEADER]: "9.9.9.9",
    };
    applyClientAddress(proxied, "127.0.0.1", parseTrustedProxies("127.0.0.1"));
    expect(proxied).toEqual({
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "stopsms.ma",
      [CLIENT_IP_HEADER]: "198.51.100.7",
    });
  });

  it("refuses a malformed entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/bad prefix/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an address/);
  });
});
