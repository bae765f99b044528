// The StopSMS gate (README "Run the gate", docs/gate.md): an SMPP 3.4 proxy between a provider's campaign
// software and its operator's SMSC that keeps the provider compliant with no code of its own.
//   npm run gate                       runs it, configured by STOPSMS_GATE_* (a problem per line if wrong)
//   npm run gate -- hash-password      reads a password on standard input, prints its argon2id hash last
//   npm run gate -- test-smsc [--port 2776] [--system-id operator --password op-pass]
//                                      a local SMSC printing what it receives (to try the gate on one machine)
//   npm run gate -- send --to 0612345678 --from SOUK --text "…" [--gate 127.0.0.1:2775]
//                     [--system-id campaigns --password …]   one submit_sm through the gate, as a campaign tool
import { createPrivateKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import { readGateConfig, GateConfigError } from "@/lib/gate/config";
import { startGate } from "@/lib/gate/start-gate";
import { bindTestEsme } from "@/lib/gate/test-esme";
import { startTestSmsc } from "@/lib/gate/test-smsc";
import { createLogger } from "@/lib/log";
import { gatePlatform } from "@/lib/web/platform-client/gate-platform";
import packageJson from "../package.json" with { type: "json" };

export const GATE_USER_AGENT = `stopsms-gate/${packageJson.version}`;

async function run(): Promise<number> {
  const logger = createLogger();
  let config;
  try {
    config = await readGateConfig(process.env);
  } catch (error) {
    if (!(error instanceof GateConfigError)) throw error;
    for (const problem of error.problems) console.error(`gate: ${problem}`);
    return 2;
  }
  const key = createPrivateKey(await readFile(config.keyFile, "utf8"));
  const platform = gatePlatform({ url: config.platform, keyid: config.keyid, key, userAgent: GATE_USER_AGENT });
  const gate = await startGate(config, platform, (level, message, fields) => logger[level](fields ?? {}, message));
  logger.info({ listen: `${config.listen.host}:${gate.port}`, mode: config.mode }, `${GATE_USER_AGENT} listening`);
  const metrics = config.metrics
    ? http
        .createServer(async (_request, response) => {
          response.writeHead(200, { "content-type": gate.metrics.registry.contentType });
          response.end(await gate.metrics.registry.metrics());
        })
        .listen(config.metrics.port, config.metrics.host)
    : null;
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  logger.info("stopping: finishing what is in flight, then unbinding");
  metrics?.close();
  await gate.stop();
  return 0;
}

async function hashPassword(): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (!password) {
    console.error("gate: no password on standard input");
    return 2;
  }
  console.log(await hash(password));
  return 0;
}

async function testSmsc(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "2776" },
      "system-id": { type: "string", default: "operator" },
      password: { type: "string", default: "op-pass" },
    },
  });
  const smsc = await startTestSmsc(
    { systemId: values["system-id"]!, password: values.password! },
    (pdu, text) => console.log(`${pdu.source_addr} → ${pdu.destination_addr}: ${text}`),
    Number(values.port),
  );
  console.log(`test SMSC on 127.0.0.1:${smsc.port} (bind as ${values["system-id"]} / ${values.password})`);
  await new Promise((resolve) => process.once("SIGINT", resolve));
  await smsc.close();
  return 0;
}

const STATUS_NAMES: Record<number, string> = {
  0x00: "sent (ESME_ROK)",
  0x0a: "refused: sender id not registered for this provider (ESME_RINVSRCADR)",
  0x0b: "refused: not a valid number (ESME_RINVDSTADR)",
  0x58: "held: retry later (ESME_RTHROTTLED)",
  0x401: "refused: the recipient opposed SMS from this sender (0x401)",
  0x402: "refused: no StopSMS mention (0x402)",
};

async function send(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      to: { type: "string" },
      from: { type: "string" },
      text: { type: "string" },
      gate: { type: "string", default: "127.0.0.1:2775" },
      "system-id": { type: "string", default: "campaigns" },
      password: { type: "string", default: "tool-pass" },
    },
  });
  if (!values.to || !values.from || !values.text) {
    console.error('Usage: npm run gate -- send --to <number> --from <sender id> --text "<message>"');
    return 2;
  }
  const esme = await bindTestEsme(values.gate!, values["system-id"]!, values.password!);
  const international = values.to.startsWith("+");
  const answer = await esme.submit({
    source_addr: values.from,
    destination_addr: values.to.replace(/^\+/, ""),
    dest_addr_ton: international ? 1 : 0,
    short_message: values.text,
  });
  const status = answer.command_status;
  console.log(
    `${STATUS_NAMES[status] ?? `status 0x${status.toString(16)}`}${status === 0 ? `, message id ${answer.message_id}` : ""}`,
  );
  esme.close();
  return status === 0 ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<number>> = {
  "hash-password": hashPassword,
  "test-smsc": () => testSmsc(rest),
  send: () => send(rest),
};
const main = command ? commands[command] : run;
if (!main) {
  console.error(`gate: unknown command ${command} (hash-password, test-smsc, send, or none to run the gate)`);
  process.exit(2);
}
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`gate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
