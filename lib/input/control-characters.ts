// Text typed by a person never holds control characters other than newline and tab; a NUL, an escape or a
// C1 control is an attack or a broken client, and PostgreSQL refuses a NUL in text (a 500 where it slipped
// through). One rule for every text input, form or JSON, checked at the boundary.

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Browsers send a textarea's line breaks as CRLF; a lone CR is an old Mac's newline. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** The path of the first string (key or value) in a JSON value holding a control character, or null. */
export function findControlCharacter(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasControlCharacter(normaliseNewlines(value)) ? path || "(body)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (hasControlCharacter(key)) return at;
      const found = findControlCharacter(item, at);
      if (found) return found;
    }
  }
  return null;
}
