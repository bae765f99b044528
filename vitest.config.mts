import { defineConfig } from "vitest/config";
import { sharedResolve } from "./vitest.shared.mts";

export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: [
      "lib/**/*.test.ts",
      "lib/**/*.test.tsx",
      "components/**/*.test.tsx",
      "scripts/**/*.test.ts",
      "app/**/*.test.ts",
      "app/**/*.test.tsx",
      "prisma/**/*.test.ts",
    ],
    exclude: ["scripts/hardening/**", "node_modules/**"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
