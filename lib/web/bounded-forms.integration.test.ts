import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as landing } from "@/app/(public)/[code]/route";
import { POST as numberCode } from "@/app/(public)/number/code/route";
import { POST as numberSignOut } from "@/app/(public)/number/sign-out/route";
import { POST as numberStop } from "@/app/(public)/number/stop/route";
import { POST as numberVerify } from "@/app/(public)/number/verify/route";
import { POST as numberWithdraw } from "@/app/(public)/number/withdraw/confirm/route";
import { POST as report } from "@/app/(public)/report/submit/route";
import { POST as stop } from "@/app/(public)/stop/submit/route";
import { POST as signIn } from "@/app/(staff)/staff/sign-in/submit/route";
import { POST as lang } from "@/app/lang/route";
import { POST as verifyPack } from "@/app/(public)/verify-pack/route";
import { POST as complaintResponse } from "@/app/api/v1/complaints/[id]/response/route";
import { POST as keywords } from "@/app/api/v1/keywords/route";
import { createApiProvider, signedCall } from "@/lib/testing/api-client";
import { routeFor } from "@/lib/web/routes";

// The adversarial review's findings, at their class: every form post route reads its body bounded (a
// chunked 50 MB post is cut at the limit, 413, never buffered), refuses a body that is not a form (415) and
// a control character in any field (422); the signed API refuses one in any JSON string (422). Never a 500.

// Auth.js itself is not under test (and does not load outside Next): a refused body never reaches it.
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({
  signIn: async () => {
    throw new Error("a refused body must not reach the sign-in");
  },
}));

type Handler = (request: NextRequest) => Promise<Response> | Response;
const withCode =
  (handler: (r: NextRequest, c: { params: Promise<{ code: string }> }) => Promise<Response>): Handler =>
  (request) =>
    handler(request, { params: Promise.resolve({ code: "Ab3dEf7h" }) });

const FORM_ROUTES: [string, Handler][] = [
  ["/stop/submit", stop],
  ["/report/submit", report],
  ["/number/code", numberCode],
  ["/number/verify", numberVerify],
  ["/number/stop", numberStop],
  ["/number/sign-out", numberSignOut],
  ["/number/withdraw/confirm", numberWithdraw],
  ["/Ab3dEf7h", withCode(landing)],
  ["/staff/sign-in/submit", signIn],
  ["/lang", lang],
  ["/verify-pack", verifyPack],
];

const headers = { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" };
let address = 1;
/** Each post from its own address, so that no rate limit answers before the body is read. */
const from = () => ({ ...headers, "x-forwarded-for": `198.51.100.${address++ % 250}` });

/** A chunked body of `total` bytes that counts what the server pulled from it. */
function streamingBody(total: number) {
  const chunk = new TextEncoder().encode("a=".padEnd(64 * 1024, "x"));
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, state };
}

describe("every form post reads a bounded, well-formed body", () => {
  it.each(FORM_ROUTES)(
    "%s: a chunked 50 MB body is refused at the limit (413) without reading on",
    async (path, handler) => {
      const { body, state } = streamingBody(50 * 1024 * 1024);
      const request = new NextRequest(`http://stopsms.test${path}`, {
        method: "POST",
        headers: from(),
        body,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]);
      const response = await handler(request);
      expect([413, 400]).toContain(response.status); // /lang: an unknown language (400), read as bounded
      expect(state.pulled).toBeLessThanOrEqual(routeFor(path)!.bodyLimit + 128 * 1024);
    },
  );

  it.each(FORM_ROUTES)(
    "%s: a NUL or escape in any field is refused (422 or 400), never a 500",
    async (path, handler) => {
      for (const body of ["phone=0612%00345678&scope=all", "senderSeen=ATLAS%1b[31m&messageText=x", "a%00=1"]) {
        const response = await handler(
          new NextRequest(`http://stopsms.test${path}`, { method: "POST", headers: from(), body }),
        );
        expect([422, 400], `${path} ${body}`).toContain(response.status);
      }
    },
  );

  it.each(FORM_ROUTES)("%s: a body that is not a form is refused (415 or 400)", async (path, handler) => {
    const response = await handler(
      new NextRequest(`http://stopsms.test${path}`, {
        method: "POST",
        headers: { ...from(), "content-type": "application/json" },
        body: '{"phone":"0612345678"}',
      }),
    );
    expect([415, 400]).toContain(response.status);
  });

  it("the citizen's refusal page says why and leads back to the form, in the citizen's language", async () => {
    const response = await report(
      new NextRequest("http://stopsms.test/report/submit", {
        method: "POST",
        headers: { ...from(), "accept-language": "ar" },
        body: "messageText=%00",
      }),
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('dir="rtl"');
    expect(page).toContain('href="/report"');
  });
});

describe("the signed API refuses control characters in any JSON string (422)", () => {
  it("in a keyword's text and a complaint answer", async () => {
    const provider = await createApiProvider();
    const keyword = await signedCall(keywords, provider, {
      path: "/keywords",
      body: { from: "0612345678", text: "STOP\u0000", sender: provider.senders[0]!.code },
    });
    expect(keyword.response.status).toBe(422);
    expect(JSON.stringify(keyword.json)).toContain("text");
    const answer = await signedCall(
      (r) => complaintResponse(r, { params: Promise.resolve({ id: "C-4KX9M-2QWPT" }) }),
      provider,
      { path: "/complaints/C-4KX9M-2QWPT/response", body: { text: "we\u0000did" } },
    );
    expect(answer.response.status).toBe(422);
  });
});
