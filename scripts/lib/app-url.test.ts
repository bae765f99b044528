import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appUrl, recordAppUrl } from "./app-url";

describe("the app's URL in the CLIs' messages", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("names the port the running app recorded when the shell sets neither PORT nor STOPSMS_PUBLIC_URL", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stopsms-url-"));
    vi.stubEnv("PORT", "");
    vi.stubEnv("STOPSMS_PUBLIC_URL", "");
    expect(appUrl("http://localhost:3000", dir)).toBe("http://localhost:3000");
    recordAppUrl(dir, "http://localhost:3480");
    expect(appUrl("http://localhost:3000", dir)).toBe("http://localhost:3480");
    vi.stubEnv("PORT", "3100");
    expect(appUrl("http://localhost:3100", dir)).toBe("http://localhost:3100");
  });
});
