import type { GatePlatform, GateSender, ListChange } from "@/lib/gate/platform";
import type { Jwks } from "@/lib/web/signatures/verify-response";
import { PlatformError, readPlatformKeys, signedCall, type PlatformCredentials } from "./signed-call";
import { loadSnapshotFiles } from "./snapshot-files";

/** The gate's platform over HTTP: the provider's own signed API key, every answer's signature checked. */
export function gatePlatform(credentials: PlatformCredentials): GatePlatform {
  let keys: Promise<Jwks> | null = null;
  const jwks = () => {
    keys ??= readPlatformKeys(credentials).catch((error) => {
      keys = null;
      throw error;
    });
    return keys;
  };
  const get = async (pathAndQuery: string) => signedCall(credentials, await jwks(), "GET", pathAndQuery);
  const post = async (pathAndQuery: string, body: unknown) =>
    signedCall(credentials, await jwks(), "POST", pathAndQuery, body);
  return {
    async senders() {
      return ((await get("/senders")) as { senders: GateSender[] }).senders;
    },
    async loadSnapshot(onEntries) {
      return loadSnapshotFiles(credentials, await jwks(), onEntries);
    },
    async changes(after) {
      return (await get(`/suppressions/changes?after=${after}&limit=10000`)) as {
        changes: ListChange[];
        next: number;
        more: boolean;
      };
    },
    async acknowledge(applied) {
      // Another system of the same provider (a second gate, the sync client) has already acknowledged further:
      // the provider's statement stands, and this gate's list is no less current for it. Refusing here held
      // every commercial message of a second gate for good (found by the full bench).
      await post("/suppressions/ack", { applied }).catch((error: unknown) => {
        if (!(error instanceof PlatformError && error.code === "ack-regressed")) throw error;
      });
    },
    async mintLinks(sender, campaign, phones, declaration) {
      const answer = (await post("/links", { sender, campaign, phones, declaration })) as {
        links: { phone: string; url: string }[];
      };
      return new Map(answer.links.map((link) => [link.phone, link.url]));
    },
    async reportStop(from, text, sender, receivedAt) {
      await post("/keywords", { from, text, sender, received_at: receivedAt.toISOString() });
    },
  };
}
