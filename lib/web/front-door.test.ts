import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { createNumberSession, NUMBER_SESSION_COOKIE } from "@/lib/verification/number-session";
import { frontDoor } from "@/lib/web/front-door";
import { ROUTES } from "@/lib/web/routes";

const SECRET = "front-door-test-secret-front-door-test-secret";
const STAFF_COOKIE = "authjs.session-token";

async function staffCookie(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  const token = await encode({ token: claims, secret, salt: STAFF_COOKIE });
  return `${STAFF_COOKIE}=${token}`;
}

const at = (pathname: string, cookie?: string, method = "GET") =>
  Promise.resolve(frontDoor({ method, pathname, cookie }));

describe("the front door's auth, from the entry's auth kind", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = SECRET;
  });

  it("sends a visitor without a staff session to sign in, and refuses staff files with 401, before any handler", async () => {
    for (const path of ["/staff", "/staff/complaints/C-1", "/staff/no/such/page"]) {
      const decision = await at(path);
      expect(decision, path).toMatchObject({ kind: "refuse", status: 303, headers: { Location: "/staff/sign-in" } });
    }
    const post = await at("/staff/actions/provider-create", undefined, "POST");
    expect(post).toMatchObject({ kind: "refuse", status: 303, headers: { Location: "/staff/sign-in" } });
    const file = await at("/staff/export/complaints");
    expect(file).toMatchObject({ kind: "refuse", status: 401 });
    expect(JSON.parse((file as { body: string }).body).code).toBe("sign-in-required");
  });

  it("lets a sealed staff session through, and refuses a forged, foreign or anonymous token", async () => {
    expect((await at("/staff/audit", await staffCookie({ staffId: 7, sessionVersion: 0 }))).kind).toBe("pass");
    expect(
      await at("/staff/audit", await staffCookie({ staffId: 7 }, "another-secret-another-secret-another")),
    ).toMatchObject({ status: 303 });
    expect(await at("/staff/audit", await staffCookie({ sub: "x" }))).toMatchObject({ status: 303 });
    expect(await at("/staff/audit", `${STAFF_COOKIE}=not-a-token`)).toMatchObject({ status: 303 });
  });

  it("asks a 'my number' session of the entries that need one, and only a valid one", async () => {
    const valid = `${NUMBER_SESSION_COOKIE}=${createNumberSession("+212612345678").value}`;
    const expired = `${NUMBER_SESSION_COOKIE}=${createNumberSession("+212612345678", new Date(Date.now() - 3_600_000)).value}`;
    for (const path of ["/number/data", "/number/data.json", "/number/withdraw"]) {
      expect(await at(path), path).toMatchObject({ status: 303, headers: { Location: "/number" } });
      expect(await at(path, expired), path).toMatchObject({ status: 303 });
      expect((await at(path, valid)).kind, path).toBe("pass");
    }
    expect(await at("/number/stop", undefined, "POST")).toMatchObject({
      status: 303,
      headers: { Location: "/number" },
    });
  });

  it("answers public entries without a promise, and every entry's auth kind is one the door or its handler factory checks", () => {
    expect(frontDoor({ method: "GET", pathname: "/Ab3dEf7h" })).not.toBeInstanceOf(Promise);
    const checkedByTheDoor = ["staff", "citizen-session"];
    const checkedByTheirFactory = ["signed", "operator", "metrics-token", "staff-sign-in", "public"];
    for (const route of ROUTES)
      expect([...checkedByTheDoor, ...checkedByTheirFactory], route.path).toContain(route.auth);
    // Every staff path is behind the staff check, whatever its renderer.
    for (const route of ROUTES.filter((r) => r.path.startsWith("/staff") && !r.path.startsWith("/staff/sign-in")))
      expect(route.auth, route.path).toBe("staff");
  });
});
