import "server-only";
import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";
import { derivedKey } from "@/lib/signing/derived-key";

// The client's own signal for per-client limits behind a carrier's NAT (many citizens, one address): every
// citizen page carries a signed token in each of its forms (no cookie); a post with a valid one is limited per
// (address, token), and the address as a whole only far more loosely. A post without one — a script that never
// loaded the page — keeps the tight per-address limit. The token names no one and is stored nowhere.

export const FORM_TOKEN_FIELD = "ft";
const MAX_AGE_MS = 12 * 3_600_000;

// The key as a KeyObject, made once: HMAC then skips importing raw key bytes on every page.
let macKey: KeyObject | undefined;
const hmac = (payload: string) =>
  createHmac("sha256", (macKey ??= createSecretKey(derivedKey("form-token")))).update(payload);
const mac = (payload: string) => hmac(payload).digest();

// Random bytes drawn 9 at a time from a pool filled 4 KB at once: a fresh randomBytes(9) per page was the
// landing page's largest single cost after the socket (profiled: 3.5 % of the server's time).
let pool = Buffer.alloc(0);
let poolAt = 0;
function nineRandomBytes(): Buffer {
  if (poolAt + 9 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += 9;
  return pool.subarray(poolAt - 9, poolAt);
}

export function issueFormToken(now = Date.now()): string {
  const payload = `${nineRandomBytes().toString("base64url")}.${Math.floor(now / 1000).toString(36)}`;
  return `${payload}.${hmac(payload).digest("base64url")}`;
}

/** The token's id when it is this platform's, unaltered and recent; else null. */
export function readFormToken(value: string | undefined, now = Date.now()): string | null {
  const [id, issued, signature, ...rest] = (value ?? "").split(".");
  if (!id || !issued || !signature || rest.length > 0 || value!.length > 100) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(`${id}.${issued}`);
  // Constant time: a MAC compared byte by byte could be forged one byte at a time.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const age = now - parseInt(issued, 36) * 1000;
  return age >= -60_000 && age <= MAX_AGE_MS ? id : null;
}

const POST_FORM = /<form\b[^>]*\bmethod="post"[^>]*>/g;

/** The hidden field a post form carries: `token` (one per page), a fresh one when not given. */
export function formTokenInput(token = issueFormToken()): string {
  return `<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${token}">`;
}

/** Every post form of a page carries one fresh token (one per page: the page is one client). */
export function withFormTokens(html: string, input?: string): string {
  // Forms are in the body: the head (an inline stylesheet, half a light page) is not searched.
  const body = Math.max(0, html.indexOf("<body"));
  if (html.indexOf('method="post"', body) < 0) return html;
  return html.slice(0, body) + intoPostForms(html.slice(body), input ?? formTokenInput());
}

/** A fragment of a body (a light page's), its post forms carrying the field `input`. */
export function intoPostForms(fragment: string, input: string): string {
  return fragment.indexOf('method="post"') < 0 ? fragment : fragment.replace(POST_FORM, (form) => `${form}${input}`);
}

/** A page with its form tokens replaced by a fixed value: two renderings of one page compare byte for byte. */
export function withoutFormTokens(html: string): string {
  return html.replace(/name="ft" value="[^"]*"/g, 'name="ft" value="<token>"');
}
