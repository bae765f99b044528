const BASE = "http://same.site";

/**
 * A same-site path under `prefix` to send the browser back to, never an open redirect: judged after the
 * browser's own normalisation (`/staff/../..//evil` is `//evil`, another host), and never with control
 * characters, which no Location header may carry.
 */
export function safeBackPath(value: unknown, prefix: string, fallback: string): string {
  if (
    typeof value !== "string" ||
    value.length > 2000 ||
    /[\u0000-\u001f\u007f\s\\]/.test(value) ||
    !value.startsWith("/") ||
    value.startsWith("//")
  )
    return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    url.origin !== BASE ||
    path.startsWith("//") ||
    !(url.pathname === prefix || url.pathname.startsWith(prefix === "/" ? "/" : `${prefix}/`))
  )
    return fallback;
  return path;
}
