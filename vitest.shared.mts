import path from "node:path";

// What every vitest configuration of this repository shares.
export const sharedResolve = {
  alias: {
    "@": import.meta.dirname,
    // Outside Next's react-server bundle "server-only" throws on import; tests are server code.
    "server-only": path.join(import.meta.dirname, "lib/testing/empty-module.ts"),
  },
};
