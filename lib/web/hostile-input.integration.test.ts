import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as staffAction } from "@/app/(staff)/staff/actions/[action]/route";
import { POST as lang } from "@/app/lang/route";

// Unknown actions are refused before anyone is looked up; Auth.js itself is not under test here.
vi.mock("@/lib/auth/require-staff", () => ({ currentStaff: async () => null }));

const form = (url: string, body: string) =>
  new NextRequest(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body,
  });

describe("inputs found by the adversarial review answer 4xx or a safe redirect, never a 500", () => {
  it("/lang with next=/%00 (a NUL: refused at the door) or a normalised escape goes back home", async () => {
    expect((await lang(form("http://stopsms.test/lang", "locale=fr&next=/%00"))).status).toBe(400);
    for (const next of ["/%0d%0aSet-Cookie:x=1", "/stop/../..//evil.example", "//evil.example"]) {
      const response = await lang(form("http://stopsms.test/lang", `locale=fr&next=${next}`));
      expect(response.status, next).toBe(303);
      expect(response.headers.get("location"), next).toBe("/");
    }
  });

  it("/staff/actions/constructor (an Object.prototype key) is an unknown action", async () => {
    for (const action of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const response = await staffAction(form(`http://stopsms.test/staff/actions/${action}`, "x=1"), {
        params: Promise.resolve({ action }),
      });
      expect(response.status, action).toBe(404);
    }
  });
});
