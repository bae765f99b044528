import { execFile } from "node:child_process";
import { createPrivateKey, randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, type Jwks } from "@/lib/web/signatures/verify-response";
import { e2eDb } from "../support/db";
import { buildSnapshotFilesNow, registerProvider, uniquePhone } from "../support/fixtures";

const run = promisify(execFile);

test("the reference client loads the snapshot files, then the changes, from the running app; its list matches the database", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-sync-"));
  const keyFile = path.join(dir, "key.pem");
  const slug = `sync-${randomBytes(3).toString("hex")}`;
  const sender = `brand-${randomBytes(3).toString("hex")}`;
  const { keyid } = registerProvider(slug, sender, keyFile);
  const privateKey = createPrivateKey(await readFile(keyFile, "utf8"));

  // Oppositions arrive through the API (STOP replies), for this sender and for all senders.
  const keyword = async (from: string, text: string) => {
    const url = `${baseURL}/api/v1/keywords`;
    const body = JSON.stringify({ from, text, sender });
    const headers = await signRequest({ method: "POST", url, body, keyid, privateKey });
    const response = await request.post(url, { headers, data: body });
    expect(response.status()).toBe(200);
  };
  for (let i = 0; i < 5; i++) await keyword(uniquePhone(), i % 2 ? "STOP" : "STOP ALL");
  buildSnapshotFilesNow();
  // Refusals made after the build reach the client through the feed.
  for (let i = 0; i < 2; i++) await keyword(uniquePhone(), "STOP");

  const out = path.join(dir, "out");
  const client = [
    "node_modules/tsx/dist/cli.mjs",
    "scripts/sync-client.ts",
    "--url",
    baseURL!,
    "--keyid",
    keyid,
    "--key",
    keyFile,
    "--out",
    out,
  ];
  const first = await run(process.execPath, client, { env: { ...process.env, NODE_OPTIONS: "" } });
  expect(first.stdout).toMatch(/in force: \d+/);

  // More changes, then an incremental pull from the stored cursor.
  for (let i = 0; i < 3; i++) await keyword(uniquePhone(), "arrêt");
  await run(process.execPath, client, { env: { ...process.env, NODE_OPTIONS: "" } });

  const { rows } = await e2eDb().query<{ line: string }>(
    // A list source's refusal (1.2) names its source in the sender's column.
    `SELECT o.phone || E'\\t' || o.scope || E'\\t' || coalesce(s.code, ls.code, '-') AS line
     FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id LEFT JOIN list_sources ls ON ls.id = o.list_source_id
     JOIN providers p ON p.slug = $1
     WHERE o.withdrawn_at IS NULL AND (o.sender_id IS NULL OR o.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = p.id))
       -- Its own canary entries, never another provider's.
       AND (o.canary_provider_id IS NULL OR o.canary_provider_id = p.id)
     ORDER BY 1`,
    [slug],
  );
  const file = (await readFile(path.join(out, "suppressions.tsv"), "utf8")).split("\n").filter(Boolean);
  expect(file).toEqual(rows.map((r) => r.line).sort());
  expect(file.filter((l) => l.endsWith(`\t${sender}`))).toHaveLength(3 + 2 + 2);
  const state = JSON.parse(await readFile(path.join(out, "state.json"), "utf8"));
  expect(state.phase).toBe("changes");
  const { rows: access } = await e2eDb().query(
    "SELECT a.endpoint, a.status FROM access_logs a JOIN providers p ON p.id = a.provider_id WHERE p.slug = $1",
    [slug],
  );
  expect(access.some((a) => a.endpoint === "GET /suppressions/snapshot/files" && a.status === 200)).toBe(true);
  // Its two lists (all, its sender) and one per refused list source (1.2: every provider reads those).
  const { rows: sourceFiles } = await e2eDb().query(
    "SELECT 1 FROM snapshot_build_files WHERE scope = 'source' AND build_id = (SELECT max(id) FROM snapshot_builds)",
  );
  expect(
    access.filter((a) => a.endpoint === "GET /suppressions/snapshot/files/{name}" && a.status === 200),
  ).toHaveLength(2 + sourceFiles.length);
  expect(access.some((a) => a.endpoint === "GET /suppressions/snapshot")).toBe(false);
  expect(access.some((a) => a.endpoint === "GET /suppressions/changes" && a.status === 200)).toBe(true);

  // A provider whose sender no build covers yet is told so, and the client loads the paged snapshot.
  const late = `late-${randomBytes(3).toString("hex")}`;
  const lateKey = path.join(dir, "late.pem");
  registerProvider(late, `brand-${randomBytes(3).toString("hex")}`, lateKey);
  await run(
    process.execPath,
    [...client.slice(0, 4), "--keyid", `${late}-2026-01`, "--key", lateKey, "--out", path.join(dir, "late")],
    {
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  const { rows: lateAccess } = await e2eDb().query(
    "SELECT a.endpoint, a.status FROM access_logs a JOIN providers p ON p.id = a.provider_id WHERE p.slug = $1",
    [late],
  );
  expect(lateAccess.some((a) => a.endpoint === "GET /suppressions/snapshot/files" && a.status === 503)).toBe(true);
  expect(lateAccess.some((a) => a.endpoint === "GET /suppressions/snapshot" && a.status === 200)).toBe(true);
});

test("unsigned calls get a signed problem+json; JWKS and OpenAPI are public", async ({ request }) => {
  const jwks = (await (await request.get("/.well-known/stopsms-keys.json")).json()) as Jwks;
  expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", kid: expect.stringMatching(/^stopsms-/) });
  const response = await request.get("/api/v1/suppressions/changes");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const body = await response.body();
  expect(JSON.parse(body.toString())).toMatchObject({ status: 401, code: "signature-missing" });
  const headers = new Headers(response.headers());
  expect(await verifyPlatformResponse({ status: 401, headers }, new Uint8Array(body), jwks)).toBe(true);
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()).openapi).toBe("3.1.0");
  const unknown = await request.get("/api/v1/nope");
  expect(unknown.status()).toBe(401);
});

test("the curl + openssl recipe on /developers works as printed", async ({ page, baseURL }) => {
  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("StopSMS provider API, version 1.2");
  const recipe = await page.getByLabel("curl example").innerText();
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-curl-"));
  const keyFile = path.join(dir, "key.pem");
  const slug = `curl-${randomBytes(3).toString("hex")}`;
  const { keyid } = registerProvider(slug, `brand-${randomBytes(3).toString("hex")}`, keyFile);
  const script = recipe
    .replace(/^KEYID=\S+/m, `KEYID=${keyid}`)
    .replace(/^KEY=\S+/m, `KEY=${keyFile}`)
    .replace(/^BASE=\S+/m, `BASE=${baseURL}`);
  const { stdout } = await run("bash", ["-c", script], { cwd: dir });
  expect(JSON.parse(stdout)).toMatchObject({
    changes: expect.any(Array),
    more: expect.any(Boolean),
    head: expect.any(Number),
  });
});

test("the Node.js example on /developers works as printed, verifying the platform's signature", async ({
  page,
  baseURL,
}) => {
  await page.goto("/developers");
  const example = await page.getByLabel("Node.js example").innerText();
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-node-"));
  const keyFile = path.join(dir, "key.pem");
  const { keyid } = registerProvider(
    `node-${randomBytes(3).toString("hex")}`,
    `brand-${randomBytes(3).toString("hex")}`,
    keyFile,
  );
  const script = example
    .replace(/^const BASE = .*$/m, `const BASE = ${JSON.stringify(baseURL)};`)
    .replace(/^const KEYID = .*$/m, `const KEYID = ${JSON.stringify(keyid)};`)
    .replace('readFileSync("key.pem")', `readFileSync(${JSON.stringify(keyFile)})`);
  const file = path.join(dir, "example.mjs");
  await import("node:fs/promises").then((fs) => fs.writeFile(file, script));
  const result = await run(process.execPath, [file], { cwd: dir });
  expect(result.stderr).toBe("");
});
