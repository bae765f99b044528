import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Outside Next's react-server bundle "server-only" throws on import; tests are server code.
      "server-only": path.join(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "prisma/**/*.test.ts"],
    exclude: ["scripts/hardening/**", "node_modules/**"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
