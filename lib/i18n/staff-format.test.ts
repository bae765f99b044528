import { describe, expect, it } from "vitest";
import { formatDay, formatTimestampsIn } from "./staff-format";

describe("the staff area's dates", () => {
  it("show days and times in Moroccan time, never in ISO form (Ramadan included)", () => {
    expect(formatDay("2026-11-06")).toBe("06/11/2026");
    expect(formatTimestampsIn("2026-12-04T23:00:00.000Z – 2026-12-05T22:59:59.999Z")).toBe(
      "05/12/2026 00:00 – 05/12/2026 23:59",
    );
    // During Ramadan 2026 Morocco is on UTC+0.
    expect(formatTimestampsIn("2026-03-01T10:30:00Z")).toBe("01/03/2026 10:30");
    expect(formatTimestampsIn("jamais")).toBe("jamais");
  });
});
