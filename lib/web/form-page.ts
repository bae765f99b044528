/** The page a form is posted from: `/stop/submit` → `/stop`, `/number/verify` → `/number`, `/<code>` itself. */
export function formPageOf(path: string): string {
  const [first = ""] = path.split("/").filter(Boolean);
  return `/${first}`;
}
