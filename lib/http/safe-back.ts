/** A same-site path under `prefix` to send the browser back to, never an open redirect. */
export function safeBackPath(value: unknown, prefix: string, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith(prefix) || value.startsWith("//") || /[\s\\]/.test(value)) return fallback;
  return value;
}

export function withMessage(path: string, key: "ok" | "error", message: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.delete("ok");
  url.searchParams.delete("error");
  url.searchParams.set(key, message.slice(0, 300));
  return `${url.pathname}${url.search}`;
}
