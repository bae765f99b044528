// Admin CLI commands for operations: evidence and log verification, snapshot files, the SMS outbox.
import { readFile } from "node:fs/promises";
import { UsageError, PackRefused, LogRefused, list, type Command } from "@/scripts/admin/cli";

export const operationsCommands: Record<string, Command> = {
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
