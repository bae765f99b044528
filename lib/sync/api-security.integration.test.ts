import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as senders } from "@/app/api/v1/senders/route";
import { POST as check } from "@/app/api/v1/suppressions/check/route";
import { GET as jwksRoute } from "@/app/.well-known/stopsms-keys.json/route";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";
import { createApiProvider, signedCall } from "@/lib/testing/api-client";

async function jwks(): Promise<Jwks> {
  return (await jwksRoute().json()) as Jwks;
}

describe("request verification", () => {
  it("accepts a properly signed request and signs the answer", async () => {
    const provider = await createApiProvider(2);
    const { response, bytes, json } = await signedCall(senders, provider, { path: "/senders" });
    expect(response.status).toBe(200);
    expect(json.senders.map((s: { code: string }) => s.code).sort()).toEqual(
      provider.senders.map((s) => s.code).sort(),
    );
    // 1.2: each with its registered SMS sender ids (what the gate lets through as source_addr).
    for (const sender of json.senders) expect(sender.sms_ids).toEqual(expect.any(Array));
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(response.headers.get("signature-input")).toMatch(
      /^stopsms=\("@status" "content-type" "content-digest"\);created=\d+;keyid="stopsms-[0-9a-f]{16}";alg="ed25519", stopsms-req=/,
    );
    expect(await verifyPlatformResponse(response, bytes, await jwks())).toBe(true);
    const tampered = new Uint8Array(bytes);
    tampered[2] = tampered[2]! ^ 1;
    expect(await verifyPlatformResponse(response, tampered, await jwks())).toBe(false);
  });

  const cases: [
    string,
    (p: Awaited<ReturnType<typeof createApiProvider>>) => Parameters<typeof signedCall>[2],
    number,
    string,
  ][] = [
    [
      "missing signature",
      () => ({
        path: "/senders",
        tamper: (r) => {
          for (const name of Object.keys(r.headers))
            if (name.toLowerCase().startsWith("signature")) delete r.headers[name];
        },
      }),
      401,
      "signature-missing",
    ],
    [
      "garbled signature header",
      () => ({
        path: "/senders",
        tamper: (r) => {
          r.headers["Signature"] = "not a dictionary (((";
        },
      }),
      401,
      "signature-invalid",
    ],
    ["forged (signed by another key)", () => ({ path: "/senders", tamper: () => undefined }), 401, "signature-invalid"],
    [
      "path changed after signing",
      () => ({
        path: "/senders",
        tamper: (r) => {
          r.url = r.url.replace("/senders", "/senders?x=1");
        },
      }),
      401,
      "signature-invalid",
    ],
    [
      "expired (created 400 s ago)",
      () => ({ path: "/senders", created: new Date(Date.now() - 400_000) }),
      401,
      "signature-expired",
    ],
    [
      "from the future (created in 400 s)",
      () => ({ path: "/senders", created: new Date(Date.now() + 400_000) }),
      401,
      "signature-expired",
    ],
    ["nonce too short", () => ({ path: "/senders", nonce: "short" }), 401, "signature-invalid"],
    [
      "body changed after signing",
      (p) => ({
        path: "/suppressions/check",
        body: { sender: p.senders[0]!.code, phones: ["0612345678"] },
        tamper: (r) => {
          r.body = r.body!.replace("0612345678", "0612345679");
        },
      }),
      400,
      "digest-mismatch",
    ],
    [
      "foreign sender",
      () => ({ path: "/suppressions/check", body: { sender: "not-mine", phones: ["0612345678"] } }),
      403,
      "forbidden",
    ],
    [
      "invalid body",
      (p) => ({ path: "/suppressions/check", body: { sender: p.senders[0]!.code, phones: [] } }),
      422,
      "invalid-request",
    ],
    ["not JSON", () => ({ path: "/suppressions/check", rawBody: "{nope" }), 422, "invalid-request"],
  ];

  it.each(cases)("refuses a request with %s", async (name, options, status, code) => {
    const provider = await createApiProvider();
    const signer = name.startsWith("forged")
      ? { keyid: provider.keyid, privateKey: generateKeyPairSync("ed25519").privateKey }
      : provider;
    const handler = options(provider).path === "/senders" ? senders : check;
    const { response, json, bytes } = await signedCall(handler, signer, options(provider));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(json).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
    expect(await verifyPlatformResponse(response, bytes, await jwks())).toBe(true);
  });

  it("refuses unknown and revoked keys", async () => {
    const provider = await createApiProvider();
    const unknown = await signedCall(
      senders,
      { keyid: "nobody-k1", privateKey: provider.privateKey },
      { path: "/senders" },
    );
    expect(unknown.json.code).toBe("unknown-key");
    expect((await signedCall(senders, provider, { path: "/senders" })).response.status).toBe(200);
    await db().providerKey.update({ where: { keyid: provider.keyid }, data: { revokedAt: new Date() } });
    const revoked = await signedCall(senders, provider, { path: "/senders" });
    expect(revoked.response.status).toBe(401);
    expect(revoked.json.code).toBe("unknown-key");
  });

  it("binds every answer to its request with a second signature, stopsms-req (1.1), that a v1 client may ignore", async () => {
    const provider = await createApiProvider();
    const url = "http://stopsms.test/api/v1/senders";
    const requestHeaders = await signRequest({
      method: "GET",
      url,
      keyid: provider.keyid,
      privateKey: provider.privateKey,
    });
    const response = await senders(new Request(url, { headers: requestHeaders }));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const input = response.headers.get("signature-input")!;
    expect(input).toMatch(
      /^stopsms=\("@status" "content-type" "content-digest"\);created=(\d+);keyid="[^"]+";alg="ed25519", stopsms-req=\("@status" "content-type" "content-digest" "signature";req;key="sig1"\);created=\1;keyid="[^"]+";alg="ed25519"$/,
    );
    expect(await verifyPlatformResponse(response, bytes, await jwks())).toBe(true);
    expect(await verifyResponseToRequest(response, bytes, await jwks(), { headers: requestHeaders })).toBe(true);
    // The same answer is not the answer to another request (another nonce, another signature).
    const other = await signRequest({ method: "GET", url, keyid: provider.keyid, privateKey: provider.privateKey });
    expect(await verifyResponseToRequest(response, bytes, await jwks(), { headers: other })).toBe(false);
    // Refusals are bound too, when the request carried a signature.
    const refused = await senders(new Request(`${url}?x=1`, { headers: requestHeaders }));
    expect(refused.status).toBe(401);
    expect(
      await verifyResponseToRequest(refused, new Uint8Array(await refused.arrayBuffer()), await jwks(), {
        headers: requestHeaders,
      }),
    ).toBe(true);
  });

  it("refuses a replayed nonce, also when the copies arrive in parallel", async () => {
    const provider = await createApiProvider();
    const nonce = "replay-nonce-0123456789";
    expect((await signedCall(senders, provider, { path: "/senders", nonce })).response.status).toBe(200);
    expect((await signedCall(senders, provider, { path: "/senders", nonce })).json.code).toBe("replayed");
    const parallel = await Promise.all(
      Array.from({ length: 10 }, () =>
        signedCall(senders, provider, { path: "/senders", nonce: "parallel-nonce-0123456789" }),
      ),
    );
    expect(parallel.map((r) => r.response.status).sort()).toEqual([200, ...Array(9).fill(401)]);
  });

  it("refuses a suspended provider", async () => {
    const provider = await createApiProvider();
    await db().provider.update({ where: { id: provider.id }, data: { status: "suspended" } });
    const { response, json } = await signedCall(senders, provider, { path: "/senders" });
    expect(response.status).toBe(403);
    expect(json.code).toBe("forbidden");
  });

  it("refuses bodies over the size limit with 413", async () => {
    const provider = await createApiProvider();
    const { response, json } = await signedCall(check, provider, {
      path: "/suppressions/check",
      rawBody: "x".repeat(13 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(json.code).toBe("too-large");
  });

  it("never logs an unverified call as the provider whose key id it names, and limits unverified calls per address", async () => {
    const provider = await createApiProvider();
    const forger = generateKeyPairSync("ed25519").privateKey;
    const from = (address: string) => (r: { headers: Record<string, string> }) =>
      void (r.headers["x-forwarded-for"] = address);
    const forged = await signedCall(
      senders,
      { keyid: provider.keyid, privateKey: forger },
      { path: "/senders", tamper: from("10.66.0.1") },
    );
    expect(forged.json.code).toBe("signature-invalid");
    expect(await db().accessLog.count({ where: { providerId: provider.id } })).toBe(0);
    const codes = [];
    for (let i = 0; i < 61; i++)
      codes.push(
        (
          await signedCall(
            senders,
            { keyid: provider.keyid, privateKey: forger },
            { path: "/senders", tamper: from("10.66.0.2") },
          )
        ).json.code,
      );
    expect(codes.slice(0, 60).every((c) => c === "signature-invalid")).toBe(true);
    expect(codes[60]).toBe("rate-limited");
    // The provider itself is not affected, even from that address: verified calls are limited per key only.
    expect((await signedCall(senders, provider, { path: "/senders", tamper: from("10.66.0.2") })).response.status).toBe(
      200,
    );
  });

  it("writes an access log row for every signed call, accepted or refused", async () => {
    const provider = await createApiProvider();
    await signedCall(senders, provider, { path: "/senders" });
    await signedCall(check, provider, {
      path: "/suppressions/check",
      body: { sender: "not-mine", phones: ["0612345678"] },
    });
    const rows = await db().accessLog.findMany({ where: { providerId: provider.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.endpoint, r.status, r.code, r.keyid])).toEqual([
      ["GET /senders", 200, null, provider.keyid],
      ["POST /suppressions/check", 403, "forbidden", provider.keyid],
    ]);
  });
});
