/** scripts/serve.ts as compiled by `npm run build` (scripts/build-server.mjs). */
export const COMPILED_SERVER = ".next/stopsms/serve.mjs";

/**
 * The node arguments that run the production server (scripts/serve.ts: Next behind the landing page's
 * fast path, compiled ahead of time) — one definition for `npm start`, the e2e, hardening and benchmark
 * suites, so that what is tested is what ships. The react-server condition makes `server-only` importable
 * outside Next's bundle.
 */
export function productionServerArgs(port: string | number, hostname?: string): string[] {
  return [
    "--conditions=react-server",
    "--enable-source-maps",
    COMPILED_SERVER,
    "-p",
    String(port),
    ...(hostname ? ["-H", hostname] : []),
  ];
}
