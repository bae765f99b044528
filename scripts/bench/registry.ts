import type { KeyObject } from "node:crypto";
import type pg from "pg";
import type { Jwks } from "@/lib/web/signatures/verify-response";
import type { AppServer } from "@/scripts/lib/app-server";
import { benchOpenData } from "@/scripts/bench/bench-open-data";
import { benchChanges, benchMint, benchSnapshot, benchSnapshotFiles, benchWash } from "@/scripts/bench/benches/api";
import { benchCitizenPaths, benchDashboard, benchLanding, benchOptout } from "@/scripts/bench/benches/citizen";
import { benchColdStart } from "@/scripts/bench/benches/cold-start";
import { benchLogProofs, benchLogVerify, benchLogWrite } from "@/scripts/bench/benches/log";
import { benchGate } from "@/scripts/bench/benches/gate";
import { benchNumberEvents } from "@/scripts/bench/benches/numbers";
import { report, runs } from "@/scripts/bench/context";
import { GENERATED_CAMPAIGN } from "@/scripts/bench/generate-data";
import { registerKey } from "@/scripts/bench/register-key";

// Every bench `npm run bench` runs, in this order; `--only <name,…>` picks some. Those "with the server" run
// against the production server on the bench database; the others start what they need themselves.

export interface BenchContext {
  server: AppServer;
  client: pg.Client;
  key: { keyid: string; privateKey: KeyObject };
  jwks: Jwks;
  /** The feed's head when the run started. */
  head: number;
}

type Bench =
  | { name: string; withServer: true; run: (context: BenchContext) => Promise<void> }
  | { name: string; withServer: false; run: () => Promise<void> };

const withServer = (name: string, run: (context: BenchContext) => Promise<void>): Bench => ({
  name,
  withServer: true,
  run,
});

export const BENCHES: Bench[] = [
  withServer("snapshot", ({ server, key, jwks }) => benchSnapshot(server, key, jwks)),
  withServer("files", ({ server, client, jwks }) => benchSnapshotFiles(server, client, jwks)),
  withServer("changes", async ({ server, client, head }) => benchChanges(server, await registerKey(client), head)),
  withServer("wash", async ({ server, client }) => benchWash(server, await registerKey(client))),
  withServer("mint", async ({ server, client }) => benchMint(server, await registerKey(client), client)),
  withServer("landing", async ({ server, client }) => {
    const codes = await client.query<{ code: string }>(
      "SELECT code FROM stop_links WHERE campaign = $1 ORDER BY phone DESC LIMIT 10000",
      [GENERATED_CAMPAIGN],
    );
    await benchLanding(
      server,
      codes.rows.map((row) => row.code),
    );
  }),
  withServer("dashboard", ({ server, client }) => benchDashboard(server, client)),
  withServer("optout", ({ server }) => benchOptout(server)),
  withServer("citizen", ({ server, client }) => benchCitizenPaths(server, client)),
  withServer("numbers", ({ server, client }) => benchNumberEvents(server, client)),
  withServer("opendata", ({ server }) => benchOpenData(server, runs, report)),
  withServer("log", async ({ server, client, jwks }) => {
    await benchLogWrite(client);
    await benchLogProofs(server, await registerKey(client), jwks);
  }),
  withServer("gate", ({ server, client }) => benchGate(server, client)),
  { name: "logverify", withServer: false, run: benchLogVerify },
  { name: "coldstart", withServer: false, run: benchColdStart },
];

export const benchNames = BENCHES.map((bench) => bench.name);
