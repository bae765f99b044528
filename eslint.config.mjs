import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The light citizen pages are rendered to plain HTML, never hydrated (lib/html/render-citizen-page.tsx):
    // there is no client router for <Link> to use, and their document head is theirs to write.
    files: ["components/citizen/**", "components/citizen-frame.tsx", "components/site-*.tsx", "lib/html/**"],
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-head-element": "off" },
  },
];

export default config;
