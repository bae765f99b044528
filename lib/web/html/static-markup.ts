import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactNode } from "react";

// Next bundles route handlers for React Server Components (the react-server condition), where the public
// `react-dom/server` refuses to load (it throws "not supported in React Server Components"; Next's open
// issues vercel/next.js#43810 and #64052), and `npm start` runs under that condition too (server-only). The
// Node build of React DOM that Next ships — the same React, the same renderToStaticMarkup — is loaded at run
// time, outside the bundle: this file is the only one that knows where. What it renders are plain
// components: no hooks, no async, everything fetched by the route first.
type StaticRenderer = { renderToStaticMarkup(node: ReactNode): string };
let renderer: StaticRenderer | undefined;

/** A React tree as HTML, for a document that is never hydrated. */
export function staticMarkup(node: ReactNode): string {
  renderer ??= createRequire(path.join(process.cwd(), "package.json"))(
    "next/dist/compiled/react-dom/server.node",
  ) as StaticRenderer;
  return renderer.renderToStaticMarkup(node);
}
