/**
 * CSRF guard for the citizens' plain form posts: a browser always says where a POST comes from (Origin,
 * or Sec-Fetch-Site). A post from another site is refused; one with neither header (curl, old browsers)
 * is allowed, since forging it needs no browser anyway.
 */
export function isSameOriginPost(headers: Headers): boolean {
  // Fetch metadata is set by the browser itself and cannot be forged by a page: trust it when present.
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return origin !== "null";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
