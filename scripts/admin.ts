// Admin CLI: `npm run admin -- <command> [flags]`. Exit codes: 0 done, 1 refused (conflict, not found,
// invalid value), 2 usage error. Every change is audited with the operator's login name.
import { parseArgs } from "node:util";
import { DomainError } from "@/lib/errors";
import { withDatabase } from "@/scripts/lib/database";
import { LogRefused, PackRefused, UsageError, type Command } from "@/scripts/admin/cli";
import { operationsCommands } from "@/scripts/admin/operations-commands";
import { registryCommands } from "@/scripts/admin/registry-commands";
import { sourceCommands } from "@/scripts/admin/source-commands";

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
  source:create       --code <code> --name <name> --kind broker|partner [--registration <RC or ANRT number>] [--contact <text>]
                      a registered origin of numbers that campaigns may declare (docs/protocol.md 1.2)
  source:suspend      --code <code> [--resume]   no new campaign may declare it; its refusals stay in force
  source:list
  staff:create        --email <email> --role admin|analyst [--name <name>]   (password from stdin or prompt)
  staff:unlock        --email <email>   clears every sign-in lock of that account (all addresses), audited
  sms:outbox          [--phone <number>] [--limit <n>]   the latest SMS kept by the outbox gateway (time, to, text)
  evidence:verify     <file> [--jwks <file>]   checks an evidence pack's signature (default: this platform's keys)
  log:verify          [--tree-head <file>]...   recomputes the transparency log from the changes and checks every
                      stored hash and tree head (recorded, and any given: a JSON tree head or a sync client's state.json)
  snapshot:build      builds the snapshot files now (the scheduled job does it every STOPSMS_SNAPSHOT_MINUTES when the feed moved)
`;

const commands: Record<string, Command> = { ...registryCommands, ...sourceCommands, ...operationsCommands };

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
