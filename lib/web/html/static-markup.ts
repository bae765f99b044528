import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactNode } from "react";

// Next bundles route handlers for React Server Components, where `react-dom/server` refuses to load; the
// Node build of React DOM that Next ships (the same React) is loaded at run time, outside the bundle. What
// it renders are plain components: no hooks, no async, everything fetched by the route first.
type StaticRenderer = { renderToStaticMarkup(node: ReactNode): string };
let renderer: StaticRenderer | undefined;

/** A React tree as HTML, for a document that is never hydrated. */
export function staticMarkup(node: ReactNode): string {
  renderer ??= createRequire(path.join(process.cwd(), "package.json"))(
    "next/dist/compiled/react-dom/server.node",
  ) as StaticRenderer;
  return renderer.renderToStaticMarkup(node);
}
