import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "@/lib/web/same-origin";
import { clientIp } from "@/lib/web/client-ip";

describe("isSameOriginPost", () => {
  it("accepts a post from the same host", () => {
    expect(
      isSameOriginPost(
        new Headers({ origin: "https://stopsms.ma", host: "stopsms.ma", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe(true);
  });
  it("refuses a post from another site", () => {
    expect(isSameOriginPost(new Headers({ origin: "https://evil.example", host: "stopsms.ma" }))).toBe(false);
    expect(isSameOriginPost(new Headers({ "sec-fetch-site": "cross-site", host: "stopsms.ma" }))).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "null", host: "stopsms.ma" }))).toBe(false);
    expect(
      isSameOriginPost(
        new Headers({ origin: "https://stopsms.ma", host: "stopsms.ma", "sec-fetch-site": "same-site" }),
      ),
    ).toBe(false);
  });
  it("trusts the browser's fetch metadata over an opaque origin", () => {
    expect(isSameOriginPost(new Headers({ origin: "null", host: "stopsms.ma", "sec-fetch-site": "same-origin" }))).toBe(
      true,
    );
  });
  it("accepts a post with no browser headers at all", () => {
    expect(isSameOriginPost(new Headers({ host: "stopsms.ma" }))).toBe(true);
  });
});

describe("clientIp", () => {
  it("takes the entry appended last by our own infrastructure", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientIp(new Headers({}))).toBe("unknown");
  });
});
