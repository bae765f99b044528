// Security headers of every HTML page. Next's App Router needs inline bootstrap scripts, so scripts are
// allowed by a per-request nonce (+ 'strict-dynamic' for the chunks they load), never 'unsafe-inline'.
// Styles keep 'unsafe-inline' (React style attributes, e.g. the charts), which cannot run code.

export function pageCsp(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The short-link landing page has no script at all: nothing may run, only its inline style applies. */
export function commonSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on our own form posts.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The headers of a page rendered without Next: HTML, never kept by shared caches, its own policy. */
export function selfRenderedPageHeaders(csp: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    // Personal data (a number, a citizen's own input) may be on the page: never cached by shared caches.
    "Cache-Control": "private, no-store",
    ...commonSecurityHeaders(process.env.NODE_ENV === "production"),
    "Content-Security-Policy": csp,
    ...extra,
  };
}
