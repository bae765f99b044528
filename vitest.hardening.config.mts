import { defineConfig } from "vitest/config";
import { sharedResolve } from "./vitest.shared.mts";

// `npm run test:hardening`: load, faults and hostile input against the production build.
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ["scripts/hardening/**/*.hardening.test.ts"],
    globalSetup: ["scripts/hardening/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database-env.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
