import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "pino",
    "pg",
    "pdfkit",
    "smpp",
    "pg-boss",
    "prom-client",
  ],
};

export default withNextIntl(nextConfig);
