// Admin CLI commands for the registry: providers, their number ranges and keys, senders, staff accounts.
import { readFile } from "node:fs/promises";
import { appUrl } from "@/scripts/lib/app-url";
import { readSecret } from "@/scripts/lib/read-secret";
import { UsageError, actor, required, list, type Command } from "@/scripts/admin/cli";

export const registryCommands: Record<string, Command> = {
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
      return `staff user ${user.email} created with role ${user.role}; sign in at ${appUrl(env().STOPSMS_PUBLIC_URL)}/staff/sign-in`;
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
};
