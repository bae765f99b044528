export interface CookieOptions {
  path: string;
  maxAge: number;
  httpOnly?: boolean;
  sameSite?: "lax" | "strict";
  secure?: boolean;
}

/**
 * One Set-Cookie value. The citizens' form posts answer plain Web Responses (the production server sends the
 * /stop post's answer without Next, whose NextResponse cannot even be loaded there), so every cookie those
 * answers carry is written here, in the format NextResponse's cookies use.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    ...(options.httpOnly ? ["HttpOnly"] : []),
    ...(options.secure ? ["Secure"] : []),
    ...(options.sameSite ? [`SameSite=${options.sameSite}`] : []),
  ].join("; ");
}

export function appendCookie(response: Response, name: string, value: string, options: CookieOptions): void {
  response.headers.append("Set-Cookie", serializeCookie(name, value, options));
}
