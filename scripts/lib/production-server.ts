/**
 * The node arguments that run the production server (scripts/serve.ts: Next behind the landing page's
 * fast path) — one definition for `npm start`, the e2e, hardening and benchmark suites, so that what is
 * tested is what ships. The react-server condition makes `server-only` importable outside Next's bundle.
 */
export function productionServerArgs(port: string | number, hostname?: string): string[] {
  return [
    "--conditions=react-server",
    "--import",
    "tsx",
    "scripts/serve.ts",
    "-p",
    String(port),
    ...(hostname ? ["-H", hostname] : []),
  ];
}
