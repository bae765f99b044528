import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:hardening`: load, faults and hostile input against the production build.
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": path.join(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["scripts/hardening/**/*.hardening.test.ts"],
    globalSetup: ["scripts/hardening/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database-env.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
