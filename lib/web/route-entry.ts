import { RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limit/rules";

// What an entry of the route table (routes.ts) holds, and the builders its entries are written with: a
// default for every policy (a body-taking entry gets the form limit and type), so that an entry states
// only where it differs.

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Renderer =
  | "light-page" // React document rendered on the server, no script (lib/web/html/document-response)
  | "next-page" // Next's App Router page (staff, /statistics, /developers)
  | "landing" // the short link's page (lib/web/landing), fast path
  | "form-post" // a citizen or staff form: 303 to the next page, or the page again with its errors
  | "signed-json" // the provider API: signed JSON or problem+json (RFC 9421 / 9457)
  | "json" // unsigned JSON (health, open data, JWKS, Auth.js)
  | "file" // a download: evidence PDF/JSON, CSV export, open data CSV
  | "text"; // /metrics
export type Auth =
  | "public"
  | "citizen-session" // "my number": a verified number's session cookie
  | "staff" // a signed-in staff member; each lib function checks the role again
  | "staff-sign-in"
  | "signed" // a provider's RFC 9421 signature
  | "operator" // an operator's signature
  | "metrics-token";

export interface RouteEntry {
  /** Next's pattern: [param], [...rest]. */
  path: string;
  methods: Method[];
  /** The file that answers it. */
  source: string;
  renderer: Renderer;
  auth: Auth;
  /** Largest request body, counted while reading (chunked or not); 0: no body. */
  bodyLimit: number;
  /** Content types a body may have (a form's, or JSON). */
  contentTypes: string[];
  /** Every rate-limit bucket a request to it counts in (lib/rate-limit), or none. */
  rateBuckets: string[];
  /**
   * The per-client-address rule of a form, counted by the door's form reader (form-post.ts,
   * guard-citizen-post.ts) before the handler runs: a form cannot be added without its limit (routes.test.ts).
   * The other buckets are keyed by what only the handler knows (a number, an account, a key): counted there.
   */
  addressLimit?: { bucket: string; rule: RateLimitRule };
  /** Answered by scripts/serve.ts itself, before Next (the launch-day paths). */
  fastPath: boolean;
  /** The metrics label: never a code, an id or a number. */
  label: string;
}

/** No honest form of this site comes near it (the longest is a complaint's SMS text, 2 000 characters). */
export const FORM_BODY_LIMIT = 16 * 1024;
export const FORM = ["application/x-www-form-urlencoded"];
/** An evidence pack dropped on /verify-pack: a provider's pack over a long period holds many complaints. */
export const PACK_BODY_LIMIT = 8 * 1024 * 1024;
export const JSON_TYPES = ["application/json"];
export const NUMBER_FORMS = { bucket: "number-ip", rule: RATE_LIMITS.numberPerIp };

type Draft = Partial<RouteEntry> & Pick<RouteEntry, "path" | "source" | "renderer">;
export const entry = (d: Draft): RouteEntry => {
  const methods = d.methods ?? ["GET"];
  const takesBody = methods.some((m) => m !== "GET");
  return {
    methods,
    auth: "public",
    bodyLimit: takesBody ? FORM_BODY_LIMIT : 0,
    contentTypes: takesBody ? FORM : [],
    rateBuckets: [],
    fastPath: false,
    label: d.path.replace(/\[\.\.\.(\w+)\]/g, "<$1>").replace(/\[(\w+)\]/g, "<$1>"),
    ...d,
  };
};
export const page = (path: string, source: string, extra: Partial<RouteEntry> = {}) =>
  entry({ path, source, renderer: "next-page", ...extra });
export const light = (path: string, source: string) => entry({ path, source, renderer: "light-page" });
export const form = (path: string, source: string, extra: Partial<RouteEntry> = {}) =>
  entry({ path, source, renderer: "form-post", methods: ["POST"], ...extra });
export const staffPage = (path: string, folder: string) =>
  page(path, `app/(staff)/staff/(app)${folder}/page.tsx`, {
    auth: "staff",
    label: "/staff" + (path.split("/")[2] ? `/${path.split("/")[2]}` : ""),
  });
export const staffFile = (path: string, source: string) =>
  entry({ path, source, renderer: "file", auth: "staff", label: `/staff/${path.split("/")[2]}` });
