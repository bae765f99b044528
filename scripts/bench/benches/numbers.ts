// An operator's number events at scale.
import { createPrivateKey, generateKeyPairSync, randomInt } from "node:crypto";
import pg from "pg";
import { type AppServer } from "@/scripts/lib/app-server";
import { repeated, timed } from "@/scripts/bench/measure";
import { report, runs, signedFetch } from "@/scripts/bench/context";

export async function benchNumberEvents(server: AppServer, client: pg.Client) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyid = `bench-operator-${Date.now()}`;
  await client.query(
    "INSERT INTO providers (slug, name, anrt_number, kind, updated_at) VALUES ('bench-operator', 'Bench Operator', 'ANRT-BENCH-OP', 'operator', now()) ON CONFLICT (slug) DO NOTHING",
  );
  await client.query(
    "INSERT INTO provider_keys (keyid, provider_id, public_key_pem) SELECT $1, id, $2 FROM providers WHERE slug = 'bench-operator'",
    [keyid, publicKey.export({ type: "spki", format: "pem" }).toString()],
  );
  // Its ANRT block: the numbers below (number events name only the caller's own numbers).
  await client.query(
    "INSERT INTO provider_number_ranges (provider_id, first_number, last_number) SELECT id, '+212610000000', '+212619999999' FROM providers WHERE slug = 'bench-operator' ON CONFLICT DO NOTHING",
  );
  const key = { keyid, privateKey: createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })) };
  const r = await repeated(runs, async () => {
    const start = randomInt(1, 5_000_000 - 10_000);
    const phones = Array.from({ length: 10_000 }, (_, i) => `+2126${10_000_000 + start + i}`);
    const call = async (event: string, at: string) => {
      const { ms, value } = await timed(() =>
        signedFetch(
          server,
          key,
          "POST",
          "/numbers/events",
          JSON.stringify({ events: phones.map((phone) => ({ phone, event, at })) }),
        ),
      );
      if (value.response.status !== 200) throw new Error(`numbers/events answered ${value.response.status}`);
      return { ms, result: JSON.parse(Buffer.from(value.bytes).toString()) as { ended: number; restored: number } };
    };
    const disconnected = await call("disconnected", new Date(Date.now() - 60_000).toISOString());
    const reinstated = await call("reinstated", new Date().toISOString());
    return {
      disconnected: disconnected.ms / 1000,
      ended: disconnected.result.ended,
      reinstated: reinstated.ms / 1000,
      restored: reinstated.result.restored,
    };
  });
  report(
    "number events: an operator's call of 10 000 events at 5 M oppositions",
    `disconnected: ${r.show("disconnected", 2, " s")} (${r.show("ended")} oppositions ended); reinstated: ${r.show("reinstated", 2, " s")} (${r.show("restored")} restored)`,
    "—",
    "well under 2 s",
    r.median("disconnected") < 2 && r.median("reinstated") < 2,
  );
}

/** `npm run admin -- log:verify` over the whole log. */
