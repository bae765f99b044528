import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactNode } from "react";

// React DOM's public server API (`react-dom/server`, renderToStaticMarkup), loaded at run time. Two
// places render through here: scripts/serve.ts (the light pages, the door's refusals) and Next's route
// handlers (the other citizen documents). In Next's bundle a static import would resolve under the
// react-server condition, where `react-dom/server` is a stub that throws (vercel/next.js#43810, #64052);
// resolved by Node at run time it is the Node build. So no process of this app runs with
// --conditions=react-server (tsconfig.server.json maps `server-only` instead). What it renders are plain
// components: no hooks, no async, everything fetched by the route first.
type StaticRenderer = { renderToStaticMarkup(node: ReactNode): string };
let renderer: StaticRenderer | undefined;

/** A React tree as HTML, for a document that is never hydrated. */
export function staticMarkup(node: ReactNode): string {
  renderer ??= createRequire(path.join(process.cwd(), "package.json"))("react-dom/server") as StaticRenderer;
  return renderer.renderToStaticMarkup(node);
}
