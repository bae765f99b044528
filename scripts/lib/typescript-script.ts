// How a TypeScript script of this repository runs outside Next: through tsx, with tsconfig.server.json,
// where `server-only` is an empty module (no process runs under the react-server condition:
// lib/web/html/static-markup.ts). One definition for every child process the scripts, tests and benches start;
// package.json and playwright.config.ts name the same file.

export const SERVER_TSCONFIG = "tsconfig.server.json";

/** Node arguments that run a script through tsx's command line, as `npm run admin -- …` does. */
export function tsxCliArgs(script: string, ...args: string[]): string[] {
  return ["node_modules/tsx/dist/cli.mjs", "--tsconfig", SERVER_TSCONFIG, script, ...args];
}

/** Node arguments that run a script in the spawned process itself (its signals reach it); with TSX_ENV. */
export function tsxImportArgs(script: string, ...args: string[]): string[] {
  return ["--import", "tsx", script, ...args];
}

/** Where tsx's loader (tsxImportArgs) reads its tsconfig from. */
export const TSX_ENV = { TSX_TSCONFIG_PATH: SERVER_TSCONFIG };
