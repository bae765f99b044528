import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { tsxCliArgs } from "@/scripts/lib/typescript-script";

const exec = promisify(execFile);

async function admin(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = exec(process.execPath, tsxCliArgs("scripts/admin.ts", ...args), {
    env: { ...process.env },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("admin CLI", () => {
  it("registers a sender, a provider linked to it, a key, and revokes the key, each audited", async () => {
    const sender = uniqueSlug("brand");
    const provider = uniqueSlug("telco");
    const keyid = `${provider}-2026-01`;
    const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-cli-"));
    const keyFile = path.join(dir, "public.pem");
    await writeFile(keyFile, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }));

    expect((await admin(["sender:create", "--code", sender, "--name", "Brand"])).code).toBe(0);
    const created = await admin([
      "provider:create",
      "--slug",
      provider,
      "--name",
      "Telco",
      "--anrt",
      `ANRT-${provider}`,
      "--sender",
      sender,
    ]);
    expect(created).toMatchObject({ code: 0, stdout: `provider ${provider} created\n` });
    expect(
      (await admin(["provider:key:add", "--provider", provider, "--keyid", keyid, "--public-key-file", keyFile])).code,
    ).toBe(0);
    expect((await admin(["provider:key:revoke", "--keyid", keyid])).code).toBe(0);

    const row = await db().provider.findUniqueOrThrow({
      where: { slug: provider },
      include: { senders: { include: { sender: true } }, keys: true },
    });
    expect(row.senders.map((s) => s.sender.code)).toEqual([sender]);
    expect(row.keys[0]?.revokedAt).toBeInstanceOf(Date);
    const audit = await db().auditLog.findMany({
      where: { targetId: { in: [provider, keyid, sender] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "sender.create",
      "provider.create",
      "provider.key.add",
      "provider.key.revoke",
    ]);
    expect(audit.every((a) => a.actorLabel.startsWith("cli:"))).toBe(true);
  });

  it("creates a staff user from a password on stdin, hashed with argon2id", async () => {
    const email = `${uniqueSlug("staff")}@cndp.example`;
    const result = await admin(["staff:create", "--email", email, "--role", "analyst"], "a long enough passphrase\n");
    expect(result.code).toBe(0);
    const user = await db().staffUser.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("analyst");
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("exits 2 with usage on unknown commands and missing flags, 1 on refused values, writing nothing", async () => {
    expect((await admin(["nope"])).code).toBe(2);
    const missing = await admin(["provider:create", "--slug", "x-y"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--name is required");
    const bad = await admin(["provider:create", "--slug", "Bad Slug", "--name", "N", "--anrt", "A"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("slug:");
    const unknownSender = uniqueSlug("p");
    const refused = await admin([
      "provider:create",
      "--slug",
      unknownSender,
      "--name",
      "N",
      "--anrt",
      unknownSender,
      "--sender",
      "no-such-sender",
    ]);
    expect(refused.code).toBe(1);
    expect(await db().provider.count({ where: { slug: unknownSender } })).toBe(0);
    expect((await admin(["staff:create", "--email", "x@y.example", "--role", "admin"], "short\n")).code).toBe(1);
    expect((await admin(["provider:key:revoke", "--keyid", "no-such-key"])).code).toBe(1);
  });

  it("prints the outbox, newest first, filtered by number", async () => {
    const phone = uniquePhone();
    await db().smsOutbox.create({ data: { phone, body: "StopSMS : votre code est 123456." } });
    await db().smsOutbox.create({ data: { phone, body: "StopSMS : votre code est 654321." } });
    const out = await admin(["sms:outbox", "--phone", `0${phone.slice(4)}`, "--limit", "1"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t\\${phone}\\tStopSMS : votre code est 654321\\.\\n$`),
    );
    expect((await admin(["sms:outbox", "--limit", "0"])).code).toBe(2);
  });

  it("refuses a private key file", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-cli-"));
    const keyFile = path.join(dir, "private.pem");
    await writeFile(keyFile, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
    const provider = uniqueSlug("telco");
    await admin(["provider:create", "--slug", provider, "--name", "Telco", "--anrt", `ANRT-${provider}`]);
    const result = await admin([
      "provider:key:add",
      "--provider",
      provider,
      "--keyid",
      `${provider}-k`,
      "--public-key-file",
      keyFile,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PRIVATE key");
  });
});
