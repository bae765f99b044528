import { describe, expect, it } from "vitest";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { GET as snapshot } from "@/app/api/v1/suppressions/snapshot/route";
import { db } from "@/lib/db/client";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import type { OppositionTarget } from "@/lib/oppositions/types";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { createApiProvider, signedCall } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";

type Key = string;
const keyOf = (e: { phone: string; scope: string; sender: string | null }): Key =>
  `${e.phone}|${e.scope}|${e.sender ?? ""}`;

describe("snapshot then changes", () => {
  it("converges to exactly the set in force while oppositions and withdrawals keep arriving", async () => {
    const provider = await createApiProvider(2);
    const targets: OppositionTarget[] = [
      { scope: "all", senderId: null },
      { scope: "sender", senderId: provider.senders[0]!.id },
      { scope: "sender", senderId: provider.senders[1]!.id },
    ];
    const phones = Array.from({ length: 40 }, uniquePhone);
    const random = (n: number) => Math.floor(Math.random() * n);
    const churn = async (count: number) => {
      await Promise.all(
        Array.from({ length: count }, async () => {
          const phone = phones[random(phones.length)]!;
          const target = targets[random(targets.length)]!;
          if (Math.random() < 0.6) await recordOpposition({ phone, target, source: "web", verified: false });
          else await withdrawOpposition({ phone, target, source: "web" });
        }),
      );
    };
    await churn(120);

    // A provider loads the snapshot in small pages while writers keep going between pages.
    const list = new Set<Key>();
    let cursor: string | null = null;
    let at = 0;
    let pages = 0;
    do {
      const path: string = `/suppressions/snapshot?limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const [page] = await Promise.all([signedCall(snapshot, provider, { path }), churn(6)]);
      if (pages++ === 0) at = page.json.at;
      for (const entry of page.json.entries) list.add(keyOf(entry));
      cursor = page.json.cursor;
    } while (cursor);
    await churn(30);

    // Then it follows the change feed from `at`, applying each op in order.
    let after = at;
    for (;;) {
      const page = await signedCall(changes, provider, { path: `/suppressions/changes?after=${after}&limit=13` });
      for (const change of page.json.changes) {
        if (change.op === "add") list.add(keyOf(change));
        else list.delete(keyOf(change));
      }
      after = page.json.next;
      if (!page.json.more) break;
    }

    const inForce = await db().$queryRaw<{ phone: string; scope: string; sender: string | null }[]>`
      SELECT o.phone, o.scope::text AS scope, s.code AS sender FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
      WHERE o.withdrawn_at IS NULL AND o.phone = ANY(${phones}::text[])`;
    const mine = [...list].filter((key) => phones.includes(key.split("|")[0]!));
    expect(mine.sort()).toEqual(inForce.map(keyOf).sort());
    expect(pages).toBeGreaterThan(1);
  });
});
