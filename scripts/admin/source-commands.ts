// Admin CLI commands for the list sources (provenance, docs/protocol.md 1.2): the registered origins of numbers.
import { actor, required, type Command } from "@/scripts/admin/cli";

export const sourceCommands: Record<string, Command> = {
  "source:create": {
    flags: {
      code: { type: "string" },
      name: { type: "string" },
      kind: { type: "string" },
      registration: { type: "string" },
      contact: { type: "string" },
    },
    async run(f) {
      const { createListSource } = await import("@/lib/sources/create-list-source");
      const source = await createListSource(actor, {
        code: required(f, "code"),
        name: required(f, "name"),
        kind: required(f, "kind"),
        registration: f.registration,
        contact: f.contact,
      });
      return `list source ${source.code} (${source.kind}) created`;
    },
  },
  "source:suspend": {
    flags: { code: { type: "string" }, resume: { type: "boolean" } },
    async run(f) {
      const { setListSourceSuspended } = await import("@/lib/sources/update-list-source");
      const source = await setListSourceSuspended(actor, required(f, "code"), !f.resume);
      return `list source ${source.code} ${source.suspendedAt ? "suspended" : "active"}`;
    },
  },
  "source:list": {
    flags: {},
    async run() {
      const { listListSources } = await import("@/lib/sources/list-list-sources");
      const sources = await listListSources();
      return sources.length === 0
        ? "no list sources"
        : sources.map((s) => `${s.code}\t${s.kind}\t${s.suspendedAt ? "suspended" : "active"}\t${s.name}`).join("\n");
    },
  },
};
