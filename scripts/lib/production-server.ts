/** scripts/serve.ts as compiled by `npm run build` (scripts/build-server.mjs). */
export const COMPILED_SERVER = ".next/stopsms/serve.mjs";

/**
 * The node arguments that run the production server (scripts/serve.ts: Next behind the landing page's
 * fast path, compiled ahead of time) — one definition for `npm start`, the e2e, hardening and benchmark
 * suites, so that what is tested is what ships. No --enable-source-maps: it reads the source map of every
 * module Next loads, a fifth of the server's start (cold start: docs/performance.md);
 * NODE_OPTIONS=--enable-source-maps maps the logs' stack traces to the TypeScript sources when wanted
 * (README, Operations).
 */
export function productionServerArgs(port: string | number, hostname?: string): string[] {
  return [COMPILED_SERVER, "-p", String(port), ...(hostname ? ["-H", hostname] : [])];
}

/**
 * What `npm start`'s launcher sends the server (over the IPC channel) once the database is started and
 * migrated: started with STOPSMS_AWAIT_DATABASE=1, the server loads Next meanwhile and listens only then.
 */
export const DATABASE_READY = "stopsms:database-ready";

/** Resolves when the launcher says the database is ready; exits if the launcher goes away first. */
export function databaseReady(): Promise<void> {
  if (process.env.STOPSMS_AWAIT_DATABASE !== "1" || !process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (message !== DATABASE_READY) return;
      process.off("message", onMessage);
      process.off("disconnect", onDisconnect);
      // The channel serves nothing else: closed (after this message is handled) so that it keeps nothing alive.
      setImmediate(() => process.disconnect?.());
      resolve();
    };
    const onDisconnect = () => process.exit(1);
    process.on("message", onMessage);
    process.once("disconnect", onDisconnect);
  });
}
