import { describe, expect, it } from "vitest";
import { safeBackPath } from "@/lib/web/safe-back";

describe("safeBackPath", () => {
  it.each([
    ["/staff/providers/acme?range=7d", "/staff/providers/acme?range=7d"],
    ["/staff", "/staff"],
    ["/staff/../..//evil.example/x", "/staff"],
    ["/staff/..//evil.example", "/staff"],
    ["//evil.example", "/staff"],
    ["https://evil.example/staff", "/staff"],
    ["/staffing", "/staff"],
    ["/staff/\u0000", "/staff"],
    ["/staff/a b", "/staff"],
    ["/staff\\\\evil", "/staff"],
    [42, "/staff"],
  ])("%j → %j", (value, expected) => {
    expect(safeBackPath(value, "/staff", "/staff")).toBe(expected);
  });

  it("keeps any same-site path under /", () => {
    expect(safeBackPath("/stop?x=1", "/", "/")).toBe("/stop?x=1");
    expect(safeBackPath("/%00", "/", "/")).toBe("/%00");
    expect(safeBackPath("/\u0000", "/", "/")).toBe("/");
  });
});
