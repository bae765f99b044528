import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/stopsms" };

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    expect(parseEnv(base)).toMatchObject({
      STOPSMS_DEFAULT_REGION: "MA",
      STOPSMS_MAX_LAG_HOURS: 48,
      STOPSMS_PUBLIC_URL: "http://localhost:3000",
      DB_POOL_MAX: 10,
    });
  });

  it("mints links for the port the app listens on when no public URL is set", () => {
    expect(parseEnv({ ...base, PORT: "3100" }).STOPSMS_PUBLIC_URL).toBe("http://localhost:3100");
    expect(parseEnv({ ...base, PORT: "3100", STOPSMS_PUBLIC_URL: "https://stopsms.ma" }).STOPSMS_PUBLIC_URL).toBe(
      "https://stopsms.ma",
    );
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...base, STOPSMS_DEFAULT_REGION: "" }).STOPSMS_DEFAULT_REGION).toBe("MA");
  });

  it("names every bad variable with a reason", () => {
    expect(() =>
      parseEnv({
        DATABASE_URL: "mysql://x",
        STOPSMS_DEFAULT_REGION: "morocco",
        STOPSMS_MAX_LAG_HOURS: "-1",
        AUTH_SECRET: "short",
      }),
    ).toThrowError(
      expect.objectContaining({
        message: expect.stringMatching(
          /DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*STOPSMS_DEFAULT_REGION[\s\S]*STOPSMS_MAX_LAG_HOURS[\s\S]*AUTH_SECRET/,
        ),
      }),
    );
  });

  it("requires DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });
});
