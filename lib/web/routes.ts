import { API_ROUTES, SMALL_API_BODY } from "@/lib/web/api-routes";
import { isLinkCode } from "@/lib/links/link-code";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";
import {
  entry,
  form,
  JSON_TYPES,
  light,
  NUMBER_FORMS,
  PACK_BODY_LIMIT,
  page,
  FORM,
  staffFile,
  staffPage,
  type RouteEntry,
} from "@/lib/web/route-entry";

export {
  FORM_BODY_LIMIT,
  PACK_BODY_LIMIT,
  type Auth,
  type Method,
  type Renderer,
  type RouteEntry,
} from "@/lib/web/route-entry";

// The route table: every path the app answers, with its policy. The door (door.ts) applies it to each
// request before any handler runs; the production server's fast paths, the metrics labels, the light pages
// that set their own policy, the OpenAPI document (api/openapi.ts) and ARCHITECTURE.md's map are derived
// from it. A test (routes.test.ts) walks app/ and fails on a page or route file missing here, or an entry
// without its file, or a method the file answers that the entry does not list.
//
// Each entry names the file that holds its handler (a Next page or route file) instead of importing it:
// lib/ is the ground floor and never imports app/ (the fast paths' handlers are in lib/web itself).

const apiEntries = Object.values(API_ROUTES).map((api) => {
  const path = `/api/v1${api.path.replace(/\{(\w+)\}/g, "[$1]")}`;
  return entry({
    path,
    source: `app${path}/route.ts`,
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    renderer: "signed-json",
    auth: api.auth,
    // Its other methods answer a signed 405, reading at most a small body after the signature.
    bodyLimit: api.bodyLimit ?? SMALL_API_BODY,
    contentTypes: JSON_TYPES,
    rateBuckets: api.auth === "public" ? ["api-public"] : ["api", "api-unverified"],
    ...(api.auth === "public" ? { addressLimit: { bucket: "api-public", rule: RATE_LIMITS.apiPublicPerIp } } : {}),
    label: `/api/v1${api.path.replace(/\{(\w+)\}/g, "<$1>")}`,
  });
});

export const ROUTES: RouteEntry[] = [
  // Citizens
  light("/", "app/(public)/route.tsx"),
  entry({
    path: "/[code]",
    source: "app/(public)/[code]/route.ts",
    methods: ["GET", "POST"],
    renderer: "landing",
    rateBuckets: ["link", "link-miss"],
    addressLimit: { bucket: "link", rule: RATE_LIMITS.linkConfirmPerIp },
    fastPath: true,
  }),
  light("/stop", "app/(public)/stop/route.tsx"),
  form("/stop/submit", "app/(public)/stop/submit/route.ts", {
    rateBuckets: ["stop-ip", "stop-number"],
    addressLimit: { bucket: "stop-ip", rule: RATE_LIMITS.stopPerIp },
    fastPath: true,
  }),
  light("/report", "app/(public)/report/route.tsx"),
  form("/report/submit", "app/(public)/report/submit/route.ts", {
    rateBuckets: ["report-ip"],
    addressLimit: { bucket: "report-ip", rule: RATE_LIMITS.reportPerIp },
  }),
  light("/receipt/[id]", "app/(public)/receipt/[id]/route.tsx"),
  light("/verify/[id]", "app/(public)/verify/[id]/route.tsx"),
  light("/legal", "app/(public)/legal/route.tsx"),
  // Anyone holding an evidence pack (a prosecutor, a lawyer, a provider): a file dropped, or a fingerprint.
  entry({
    path: "/verify-pack",
    source: "app/(public)/verify-pack/route.tsx",
    methods: ["GET", "POST"],
    renderer: "light-page",
    bodyLimit: PACK_BODY_LIMIT,
    contentTypes: [...FORM, "multipart/form-data"],
    rateBuckets: ["verify-pack-ip"],
    addressLimit: { bucket: "verify-pack-ip", rule: RATE_LIMITS.verifyPackPerIp },
  }),
  page("/statistics", "app/(public)/statistics/page.tsx"),
  page("/developers", "app/(public)/developers/page.tsx"),
  form("/lang", "app/lang/route.ts"),
  light("/number", "app/(public)/number/route.tsx"),
  ...(["code", "verify", "stop", "sign-out"] as const).map((step) =>
    form(`/number/${step}`, `app/(public)/number/${step}/route.ts`, {
      auth: step === "code" || step === "verify" ? "public" : "citizen-session",
      rateBuckets: ["number-ip"],
      addressLimit: NUMBER_FORMS,
      label: "/number/<step>",
    }),
  ),
  entry({
    ...light("/number/withdraw", "app/(public)/number/withdraw/route.tsx"),
    auth: "citizen-session",
    label: "/number/<step>",
  }),
  form("/number/withdraw/confirm", "app/(public)/number/withdraw/confirm/route.ts", {
    auth: "citizen-session",
    rateBuckets: ["number-ip"],
    addressLimit: NUMBER_FORMS,
    label: "/number/<step>",
  }),
  entry({
    ...light("/number/data", "app/(public)/number/data/route.tsx"),
    auth: "citizen-session",
    label: "/number/<step>",
  }),
  entry({
    path: "/number/data.json",
    source: "app/(public)/number/data.json/route.ts",
    renderer: "file",
    auth: "citizen-session",
    label: "/number/<step>",
  }),
  // CNDP staff
  page("/staff/sign-in", "app/(staff)/staff/sign-in/page.tsx", { auth: "staff-sign-in" }),
  form("/staff/sign-in/submit", "app/(staff)/staff/sign-in/submit/route.ts", {
    auth: "staff-sign-in",
    rateBuckets: ["signin-ip", "signin-account"],
    addressLimit: { bucket: "signin-ip", rule: RATE_LIMITS.signInPerIp },
    label: "/staff/sign-in",
  }),
  form("/staff/sign-out", "app/(staff)/staff/sign-out/route.ts", { auth: "staff" }),
  staffPage("/staff", ""),
  ...[
    "audit",
    "complaints",
    "confirm",
    "integrity",
    "lookup",
    "numbers",
    "originators",
    "providers",
    "security",
    "senders",
    "sources",
  ].map((name) => staffPage(`/staff/${name}`, `/${name}`)),
  staffPage("/staff/complaints/[id]", "/complaints/[id]"),
  staffPage("/staff/integrity/[id]", "/integrity/[id]"),
  staffPage("/staff/providers/[slug]", "/providers/[slug]"),
  staffPage("/staff/sources/[code]", "/sources/[code]"),
  staffPage("/staff/[...missing]", "/[...missing]"),
  form("/staff/lookup/submit", "app/(staff)/staff/lookup/submit/route.ts", {
    auth: "staff",
    label: "/staff/lookup",
  }),
  form("/staff/actions/[action]", "app/(staff)/staff/actions/[action]/route.ts", {
    auth: "staff",
    label: "/staff/actions",
  }),
  staffFile("/staff/evidence/complaints/[id]", "app/(staff)/staff/evidence/complaints/[id]/route.ts"),
  staffFile("/staff/evidence/integrity/[id]", "app/(staff)/staff/evidence/integrity/[id]/route.ts"),
  staffFile("/staff/evidence/originators/[key]", "app/(staff)/staff/evidence/originators/[key]/route.ts"),
  staffFile("/staff/evidence/providers/[slug]", "app/(staff)/staff/evidence/providers/[slug]/route.ts"),
  staffFile("/staff/export/originators", "app/(staff)/staff/export/originators/route.ts"),
  staffFile("/staff/export/[table]", "app/(staff)/staff/export/[table]/route.ts"),
  entry({
    path: "/api/auth/[...nextauth]",
    source: "app/api/auth/[...nextauth]/route.ts",
    methods: ["GET", "POST"],
    renderer: "json",
    auth: "staff-sign-in",
    label: "/api/auth",
  }),
  // Providers, auditors, monitoring
  ...apiEntries,
  entry({ path: "/api/v1/openapi.json", source: "app/api/v1/openapi.json/route.ts", renderer: "signed-json" }),
  entry({
    path: "/api/v1/[...rest]",
    source: "app/api/v1/[...rest]/route.ts",
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    renderer: "signed-json",
    auth: "signed",
    bodyLimit: SMALL_API_BODY,
    contentTypes: JSON_TYPES,
    rateBuckets: ["api", "api-unverified"],
    label: "/api/v1/<unknown>",
  }),
  entry({
    path: "/api/open/v1/[file]",
    source: "app/api/open/v1/[file]/route.ts",
    renderer: "file",
    rateBuckets: ["open-data"],
    addressLimit: { bucket: "open-data", rule: RATE_LIMITS.openDataPerIp },
  }),
  entry({
    path: "/.well-known/stopsms-keys.json",
    source: "app/.well-known/stopsms-keys.json/route.ts",
    renderer: "json",
  }),
  entry({ path: "/api/health", source: "app/api/health/route.ts", renderer: "json" }),
  entry({ path: "/metrics", source: "scripts/serve.ts", renderer: "text", auth: "metrics-token", fastPath: true }),
];

// Next's precedence: a static segment before a [param], a [param] before a [...catch-all].
function specificity(path: string): number {
  return path
    .split("/")
    .filter(Boolean)
    .reduce((score, s) => score + (s.startsWith("[...") ? 1 : s.startsWith("[") ? 10 : 100), 0);
}

// Every request meets the table (the door, the metrics label): a static path is one Map lookup, a link code
// one pattern test, and only the rest walks the dynamic entries, most specific first.
const STATIC = new Map(ROUTES.filter((r) => !r.path.includes("[")).map((r) => [r.path, r]));
const LANDING = ROUTES.find((r) => r.path === "/[code]")!;
const DYNAMIC = ROUTES.filter((r) => r.path.includes("[") && r !== LANDING)
  .map((entry) => ({
    entry,
    score: specificity(entry.path),
    pattern: new RegExp(
      `^${entry.path
        .split("/")
        .filter(Boolean)
        .map((s) =>
          s.startsWith("[...") ? "(?:/[^?#]*)?" : s.startsWith("[") ? "/[^/?#]+" : `/${s.replace(/[.]/g, "\\.")}`,
        )
        .join("")}/?$`,
    ),
  }))
  .sort((a, b) => b.score - a.score);

/** The entry that answers a path (no query), or null: Next's 404. */
export function routeFor(pathname: string): RouteEntry | null {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const exact = STATIC.get(path);
  if (exact) return exact;
  // /<code> answers only a link code's shape; anything else one segment long is Next's 404.
  if (path.indexOf("/", 1) < 0) return isLinkCode(path.slice(1)) ? LANDING : null;
  return DYNAMIC.find((d) => d.pattern.test(path))?.entry ?? null;
}

/** A low-cardinality label for metrics: the entry's, "other" for anything the table does not know. */
export function labelOf(pathname: string, entry: RouteEntry | null = routeFor(pathname)): string {
  if (pathname.startsWith("/_next/")) return "/_next";
  return entry?.label ?? "other";
}
