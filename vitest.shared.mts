import path from "node:path";

// What every vitest configuration of this repository shares.
export const sharedResolve = {
  alias: {
    "@": import.meta.dirname,
    // As in tsconfig.server.json: outside Next's react-server bundle "server-only" throws on import.
    "server-only": path.join(import.meta.dirname, "scripts/lib/server-only.ts"),
  },
};
