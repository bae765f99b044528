import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./translator";

describe("citizen dates", () => {
  it("writes a day in tables as in sentences, never all in figures in Arabic (#25 item 5)", () => {
    expect(formatDay("ar", "2026-11-02")).toBe("2 نونبر 2026");
    expect(formatDay("ar", "2026-11-02")).toBe(formatDateTime("ar", new Date("2026-11-02T12:00:00Z"), false));
    expect(formatDay("fr", "2026-11-02")).toBe("2 nov. 2026");
    expect(formatDay("en", "2026-11-02")).toBe("2 Nov 2026");
  });
});
