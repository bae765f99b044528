import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createProvider, createSender } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { nextIp, pool, recordResult } from "./results";

type Attempt = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  sign?: boolean;
  expect: "problem" | "html" | "any";
};

const API_PATHS = [
  "/api/v1/senders",
  "/api/v1/suppressions/changes",
  "/api/v1/suppressions/snapshot",
  "/api/v1/suppressions/check",
  "/api/v1/links",
  "/api/v1/keywords",
  "/api/v1/nope",
];
const FORM_PATHS = ["/stop/submit", "/report/submit", "/lang", "/staff/sign-in/submit", "/2345abcd"];
const PAGE_PATHS = ["/", "/stop", "/report", "/legal", "/receipt/", "/", "/staff/sign-in", "/developers"];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "0612345678",
    "+212612345678",
    "",
    "null",
    "-1",
    "9".repeat(400),
    "<script>",
    "' OR 1=1 --",
    "\u0000",
    "STOP ALL",
  ),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      sender: text,
      phones: fc.array(text, { maxLength: 20 }),
      campaign: text,
      expires_in_days: fc.oneof(fc.integer(), text),
      from: text,
      text,
      received_at: text,
    },
    { requiredKeys: [] },
  ),
);
const query = fc
  .dictionary(fc.constantFrom("after", "limit", "cursor", "range", "x"), text, { maxKeys: 3 })
  .map((q) => new URLSearchParams(q).toString());

const apiAttempt: fc.Arbitrary<Attempt> = fc
  .record({
    method: fc.constantFrom("GET", "POST", "POST", "PUT", "DELETE"),
    path: fc.constantFrom(...API_PATHS),
    query,
    body: fc.oneof(
      jsonValue.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
    ),
    // Mostly validly signed, so the fuzzing reaches validation and the endpoints, not just the signature check.
    mode: fc.constantFrom("signed", "signed", "signed", "unsigned", "garbage"),
    signatureInput: fc.string({ maxLength: 120 }),
  })
  .map(({ method, path, query, body, mode, signatureInput }): Attempt => ({
    method,
    path: `${path}${query ? `?${query}` : ""}`,
    body: method === "GET" || method === "DELETE" ? undefined : body,
    sign: mode === "signed",
    headers:
      mode === "garbage"
        ? { "signature-input": signatureInput, signature: `sig1=:${Buffer.from(signatureInput).toString("base64")}:` }
        : {},
    expect: "problem",
  }));

const formAttempt: fc.Arbitrary<Attempt> = fc
  .record({
    path: fc.constantFrom(...FORM_PATHS),
    fields: fc.dictionary(
      fc.constantFrom(
        "phone",
        "scope",
        "sender",
        "reason",
        "senderSeen",
        "messageText",
        "receivedOn",
        "locale",
        "next",
        "choice",
        "email",
        "password",
        "code",
      ),
      text,
      { maxKeys: 6 },
    ),
    encoding: fc.constantFrom("urlencoded", "multipart", "json", "garbage"),
  })
  .map(({ path, fields, encoding }) => {
    if (encoding === "json")
      return {
        method: "POST",
        path,
        body: JSON.stringify(fields),
        headers: { "content-type": "application/json" },
        expect: "any" as const,
      };
    if (encoding === "garbage")
      return {
        method: "POST",
        path,
        body: "\u0000\u0001--x",
        headers: { "content-type": "multipart/form-data; boundary=nope" },
        expect: "any" as const,
      };
    const body = new URLSearchParams(fields).toString();
    return {
      method: "POST",
      path,
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      expect: "any" as const,
    };
  });

const pageAttempt: fc.Arbitrary<Attempt> = fc
  .record({ path: fc.constantFrom(...PAGE_PATHS), suffix: fc.string({ maxLength: 30 }), query })
  .map(({ path, suffix, query }) => ({
    method: "GET",
    path: `${path}${encodeURIComponent(suffix)}${query ? `?${query}` : ""}`,
    expect: "html" as const,
  }));

describe("fuzzing", () => {
  it("10 000 generated requests across the API, the citizen forms and pages: no 5xx, errors in the right shape", async () => {
    const server = await startAppServer(inject("databaseUrl"), 3233);
    try {
      const sender = await createSender();
      const provider = await createProvider([sender.id]);
      // Several keys, so the per-key API rate limit does not cut the fuzzing short.
      const keys = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const { publicKey, privateKey } = generateKeyPairSync("ed25519");
          const keyid = `${provider.slug}-fuzz-${i}`;
          await db().providerKey.create({
            data: {
              keyid,
              providerId: provider.id,
              publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
            },
          });
          return { keyid, privateKey };
        }),
      );
      const attempts = [
        ...fc.sample(apiAttempt, 5000),
        ...fc.sample(formAttempt, 3000),
        ...fc.sample(pageAttempt, 2000),
      ];
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      await pool(attempts, 12, async (attempt, i) => {
        const url = `${server.url}${attempt.path}`;
        const headers: Record<string, string> = { "x-forwarded-for": nextIp(), ...attempt.headers };
        if (attempt.sign)
          Object.assign(
            headers,
            await signRequest({ method: attempt.method, url, body: attempt.body, ...keys[i % keys.length]! }),
          );
        let response: Response;
        try {
          response = await fetch(url, { method: attempt.method, headers, body: attempt.body, redirect: "manual" });
        } catch (error) {
          failures.push(`${attempt.method} ${attempt.path}: ${String(error)}`);
          return;
        }
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const type = response.headers.get("content-type") ?? "";
        if (response.status >= 500) failures.push(`${attempt.method} ${attempt.path} → ${response.status}`);
        else if (attempt.expect === "problem" && response.status >= 400 && type !== "application/problem+json")
          failures.push(`${attempt.method} ${attempt.path} → ${response.status} ${type}`);
        else if (attempt.expect === "html" && response.status >= 400 && !type.startsWith("text/html"))
          failures.push(`${attempt.method} ${attempt.path} → ${response.status} ${type}`);
      });
      recordResult("fuzzing", {
        "generated requests": attempts.length,
        "API (signed and not)": 5000,
        "citizen and staff form posts": 3000,
        "page URLs": 2000,
        "responses ≥ 500": failures.filter((f) => /→ 5\d\d/.test(f)).length,
        statuses: JSON.stringify(Object.fromEntries([...statuses].sort())),
      });
      // One line per kind of failure (method, path without its query, outcome), so every kind shows.
      const kinds = [
        ...new Set(failures.map((f) => f.replace(/\?[^ ]*/, "").replace(/^(\S+ \/receipt\/)\S*/, "$1…"))),
      ].sort();
      expect(kinds).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
