import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3210);

// Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    launchOptions,
  },
  projects: [
    {
      name: "citizen",
      testMatch: /citizen\/.*\.spec\.ts/,
      use: { ...devices["Pixel 5"], viewport: { width: 360, height: 640 }, locale: "fr-FR", launchOptions },
    },
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    {
      name: "staff",
      testMatch: /staff\/.*\.spec\.ts/,
      use: { viewport: { width: 1280, height: 900 }, locale: "fr-FR", launchOptions },
    },
  ],
  webServer: {
    command: "npx tsx --tsconfig tsconfig.server.json scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // SIGTERM (not the default SIGKILL) so the server script can drop its database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
