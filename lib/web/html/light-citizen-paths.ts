// The citizen pages answered by the light renderer (document-response.tsx). The proxy leaves them alone:
// they set their own, stricter policy (no script at all), as the short-link landing page does.
const LIGHT_PATHS = new Set(["/", "/stop", "/report", "/legal", "/number", "/number/withdraw"]);

export function isLightCitizenPath(pathname: string): boolean {
  return LIGHT_PATHS.has(pathname) || /^\/(receipt|verify)\/[^/]+$/.test(pathname);
}
