// Admin CLI: `npm run admin -- <command> [flags]`. Exit codes: 0 done, 1 refused (conflict, not found,
// invalid value), 2 usage error. Every change is audited with the operator's login name.
import { readFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/audit/write-audit";
import { DomainError } from "@/lib/errors";
import { withDatabase } from "./lib/database";
import { readSecret } from "./lib/read-secret";

const USAGE = `Usage: npm run admin -- <command> [flags]

  provider:create     --slug <slug> --name <legal name> --anrt <declaration no.> [--kind provider|operator] [--contact <text>] [--sender <code>]...
  provider:key:add    --provider <slug> --keyid <keyid> --public-key-file <spki.pem>
  provider:key:revoke --keyid <keyid>
  provider:list
  provider:ranges     --provider <slug> [--add <first>-<last>]... [--remove <first>-<last>]... [--list]
                      an operator's ANRT number ranges (E.164: +212600000000-+212609999999); lists them after any change
  sender:create       --code <code> --name <display name> [--sms-id <sender id>]... [--sector banking|telecom|retail|real-estate|insurance|politics|other]
  sender:link         --provider <slug> --sender <code>
  sender:list
  staff:create        --email <email> --role admin|analyst [--name <name>]   (password from stdin or prompt)
  staff:unlock        --email <email>   clears every sign-in lock of that account (all addresses), audited
  sms:outbox          [--phone <number>] [--limit <n>]   the latest SMS kept by the outbox gateway (time, to, text)
  evidence:verify     <file> [--jwks <file>]   checks an evidence pack's signature (default: this platform's keys)
  log:verify          [--tree-head <file>]...   recomputes the transparency log from the changes and checks every
                      stored hash and tree head (recorded, and any given: a JSON tree head or a sync client's state.json)
  snapshot:build      builds the snapshot files now (the scheduled job does it every STOPSMS_SNAPSHOT_MINUTES when the feed moved)
`;

class UsageError extends Error {}
class PackRefused extends Error {}
class LogRefused extends Error {}

const actor: Actor = { kind: "cli", label: process.env.SUDO_USER || os.userInfo().username };

type Flags = Record<string, string | (string | boolean)[] | boolean | undefined>;

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

function list(flags: Flags, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

const commands: Record<
  string,
  {
    flags: Record<string, { type: "string" | "boolean"; multiple?: boolean }>;
    positionals?: number;
    run: (f: Flags, args: string[]) => Promise<string>;
  }
> = {
  "provider:create": {
    flags: {
      slug: { type: "string" },
      name: { type: "string" },
      anrt: { type: "string" },
      kind: { type: "string" },
      contact: { type: "string" },
      sender: { type: "string", multiple: true },
    },
    async run(f) {
      const { createProvider } = await import("@/lib/providers/create-provider");
      const provider = await createProvider(actor, {
        slug: required(f, "slug"),
        name: required(f, "name"),
        anrtNumber: required(f, "anrt"),
        kind: f.kind,
        contact: f.contact,
        senderCodes: list(f, "sender"),
      });
      return `${provider.kind} ${provider.slug} created`;
    },
  },
  "provider:ranges": {
    flags: {
      provider: { type: "string" },
      add: { type: "string", multiple: true },
      remove: { type: "string", multiple: true },
      list: { type: "boolean" },
    },
    async run(f) {
      const { addNumberRange, listNumberRanges, removeNumberRange } = await import("@/lib/numbers/number-ranges");
      const providerSlug = required(f, "provider");
      const lines: string[] = [];
      for (const range of list(f, "add")) {
        const { added } = await addNumberRange(actor, { providerSlug, range });
        lines.push(`${added ? "added" : "already there"}: ${range}`);
      }
      for (const range of list(f, "remove")) {
        const { removed } = await removeNumberRange(actor, { providerSlug, range });
        lines.push(`${removed ? "removed" : "not there"}: ${range}`);
      }
      const ranges = await listNumberRanges(actor, providerSlug);
      lines.push(`${providerSlug}: ${ranges.length} range(s)`, ...ranges.map((r) => `  ${r.first}-${r.last}`));
      return lines.join("\n");
    },
  },
  "provider:key:add": {
    flags: { provider: { type: "string" }, keyid: { type: "string" }, "public-key-file": { type: "string" } },
    async run(f) {
      const file = required(f, "public-key-file");
      const pem = await readFile(file, "utf8").catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      const { addProviderKey } = await import("@/lib/providers/add-provider-key");
      const key = await addProviderKey(actor, {
        providerSlug: required(f, "provider"),
        keyid: required(f, "keyid"),
        publicKeyPem: pem,
      });
      return `key ${key.keyid} added`;
    },
  },
  "provider:key:revoke": {
    flags: { keyid: { type: "string" } },
    async run(f) {
      const { revokeProviderKey } = await import("@/lib/providers/revoke-provider-key");
      const { revoked } = await revokeProviderKey(actor, required(f, "keyid"));
      return revoked ? `key ${f.keyid} revoked` : `key ${f.keyid} was already revoked`;
    },
  },
  "provider:list": {
    flags: {},
    async run() {
      const { db } = await import("@/lib/db/client");
      const providers = await db().provider.findMany({
        orderBy: { slug: "asc" },
        include: { keys: true, senders: { include: { sender: true } } },
      });
      return (
        providers
          .map((p) => {
            const keys = p.keys.map((k) => `${k.keyid}${k.revokedAt ? " (revoked)" : ""}`).join(", ") || "no key";
            const senders = p.senders.map((s) => s.sender.code).join(", ") || "no sender";
            return `${p.slug}\t${p.status}\t${p.name}\tkeys: ${keys}\tsenders: ${senders}`;
          })
          .join("\n") || "no provider"
      );
    },
  },
  "sender:create": {
    flags: {
      code: { type: "string" },
      name: { type: "string" },
      "sms-id": { type: "string", multiple: true },
      sector: { type: "string" },
    },
    async run(f) {
      const { createSender } = await import("@/lib/providers/create-sender");
      const sender = await createSender(actor, {
        code: required(f, "code"),
        name: required(f, "name"),
        smsSenderIds: list(f, "sms-id"),
        sector: f.sector,
      });
      return `sender ${sender.code} created`;
    },
  },
  "sender:link": {
    flags: { provider: { type: "string" }, sender: { type: "string" } },
    async run(f) {
      const { linkSender } = await import("@/lib/providers/link-sender");
      const { linked } = await linkSender(actor, {
        providerSlug: required(f, "provider"),
        senderCode: required(f, "sender"),
      });
      return linked ? `${f.provider} may now act for ${f.sender}` : `${f.provider} was already linked to ${f.sender}`;
    },
  },
  "sender:list": {
    flags: {},
    async run() {
      const { db } = await import("@/lib/db/client");
      const senders = await db().sender.findMany({ orderBy: { code: "asc" } });
      return senders.map((s) => `${s.code}\t${s.name}`).join("\n") || "no sender";
    },
  },
  "staff:create": {
    flags: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    async run(f) {
      const email = required(f, "email");
      const role = required(f, "role");
      const password = await readSecret(`Password for ${email}: `);
      const { createStaffUser } = await import("@/lib/auth/create-staff-user");
      const user = await createStaffUser(actor, { email, role, name: f.name, password });
      const { env } = await import("@/lib/env");
      return `staff user ${user.email} created with role ${user.role}; sign in at ${env().STOPSMS_PUBLIC_URL}/staff/sign-in`;
    },
  },
  "staff:unlock": {
    flags: { email: { type: "string" } },
    async run(f) {
      const { unlockStaffAccount } = await import("@/lib/auth/unlock-staff-account");
      const { cleared } = await unlockStaffAccount(actor, required(f, "email"));
      return `${required(f, "email")}: ${cleared} lock(s) cleared`;
    },
  },
  "evidence:verify": {
    flags: { jwks: { type: "string" } },
    positionals: 1,
    async run(f, [file]) {
      if (!file) throw new UsageError("the pack's file is required");
      const text = await readFile(file, "utf8").catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      const { verifyPack } = await import("@/lib/evidence/verify-pack");
      let jwks;
      if (typeof f.jwks === "string") jwks = JSON.parse(await readFile(f.jwks, "utf8"));
      else jwks = { keys: [(await import("@/lib/signing/platform-key")).platformKey().jwk] };
      const check = verifyPack(text, jwks);
      if (!check.valid) throw new PackRefused(`NOT VALID: ${check.reason}`);
      const doc = check.document as {
        generated_at: string;
        subject: Record<string, string>;
        verdict?: string;
        reason?: string;
        complaints?: { verdict: string }[];
        facts?: unknown[];
        alert?: {
          list_provider: { slug: string };
          caller: { slug: string };
          keyid: string;
          endpoint: string;
          at: string;
          canary_numbers: string[];
        };
      };
      const what = doc.alert
        ? `integrity alert ${doc.subject.integrity_alert}: ${doc.alert.canary_numbers.length} canary number(s) of ${doc.alert.list_provider.slug}'s list in ${doc.alert.endpoint} by ${doc.alert.caller.slug} (key ${doc.alert.keyid}) at ${doc.alert.at}`
        : doc.complaints
          ? `${doc.complaints.length} complaint(s) about provider ${doc.subject.provider} reported ${doc.subject.from} to ${doc.subject.to}: ${["violation", "within-deadline", "no-opposition", "undetermined"].map((v) => `${doc.complaints!.filter((c) => c.verdict === v).length} ${v}`).join(", ")}`
          : `complaint ${doc.subject.complaint}: verdict ${doc.verdict} (${doc.reason}), from ${doc.facts?.length ?? 0} facts with their source rows`;
      return `VALID: signed by the platform key ${check.kid} on ${doc.generated_at}.\nIt proves that the platform stated, unaltered since: ${what}`;
    },
  },
  "log:verify": {
    flags: { "tree-head": { type: "string", multiple: true } },
    async run(f) {
      const outside = await Promise.all(
        list(f, "tree-head").map(async (file) => {
          const json = JSON.parse(
            await readFile(file, "utf8").catch(() => {
              throw new UsageError(`cannot read ${file}`);
            }),
          ) as { size?: number; root?: string; at?: string; tree_head?: { size: number; root: string; at?: string } };
          const head = json.tree_head ?? json;
          if (typeof head.size !== "number" || typeof head.root !== "string")
            throw new UsageError(`${file} holds no tree head ({"size","root"})`);
          return { size: head.size, root: head.root, at: head.at, source: file };
        }),
      );
      const { verifyLog } = await import("@/lib/transparency-log/verify-log");
      const report = await verifyLog(outside);
      const summary = `${report.leavesChecked} of ${report.size} leaves, ${report.storedHashesChecked} stored hashes, ${report.treeHeadsChecked} tree heads checked`;
      if (report.problems.length > 0)
        throw new LogRefused(`NOT CONSISTENT (${summary}):\n${report.problems.map((p) => `  - ${p}`).join("\n")}`);
      return `CONSISTENT: ${summary}; the log matches the changes table.`;
    },
  },
  "snapshot:build": {
    flags: {},
    async run() {
      const { buildSnapshotFiles, deleteUnservedFiles } = await import("@/lib/snapshot-files/build-snapshot-files");
      const build = await buildSnapshotFiles();
      const removed = await deleteUnservedFiles();
      const entries = build.files.reduce((sum, f) => sum + f.entries, 0);
      const bytes = build.files.reduce((sum, f) => sum + f.bytes, 0);
      return `snapshot files at seq ${build.at}: ${build.files.length} files, ${entries} entries, ${bytes} bytes, built in ${build.ms} ms${removed ? `; ${removed} old file(s) deleted` : ""}`;
    },
  },
  "sms:outbox": {
    flags: { phone: { type: "string" }, limit: { type: "string" } },
    async run(f) {
      const limit = f.limit === undefined ? 10 : Number(f.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError("--limit must be a whole number from 1 to 1000");
      let phone: string | undefined;
      if (typeof f.phone === "string") {
        const { parsePhone } = await import("@/lib/phone/parse-phone");
        const parsed = parsePhone(f.phone, process.env.STOPSMS_DEFAULT_REGION || "MA");
        if (!parsed.ok) throw new UsageError(`--phone: not a valid number (${parsed.reason})`);
        phone = parsed.e164;
      }
      const { db } = await import("@/lib/db/client");
      const messages = await db().smsOutbox.findMany({
        where: phone ? { phone } : {},
        orderBy: { id: "desc" },
        take: limit,
      });
      return (
        messages.map((m) => `${m.createdAt.toISOString()}\t${m.phone}\t${m.body}`).join("\n") ||
        "no message in the outbox"
      );
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.flags,
      strict: true,
      allowPositionals: Boolean(command.positionals),
    });
    if (positionals.length > (command.positionals ?? 0))
      throw new UsageError(`unexpected argument ${positionals.at(-1)}`);
    const message = await withDatabase(() => command.run(values, positionals));
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      process.stderr.write(`Error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DomainError || error instanceof PackRefused || error instanceof LogRefused) {
      process.stderr.write(`Error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
