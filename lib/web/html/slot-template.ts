// A page rendered once by React with markers where per-request values go, kept as its text between them:
// a request then costs its few values escaped and joined, not a React render (the landing page, the
// platform's hot path: a third of its throughput was a render per request). The markers hold NUL, which no
// value from a form or the API can (the door refuses control characters), so no stored text can fake one.

const MARKER = /\u0000([A-Z_]+)\u0000/;

/** The marker of slot `name` (capitals and underscores): a string React renders as is, in text or in attributes. */
export const slot = (name: string) => `\u0000${name}\u0000`;

/** The slot where each post form's token input goes: filled with HTML, not escaped. */
export const TOKEN_SLOT = "FORM_TOKEN";

export interface SlotTemplate {
  /** The text between the slots: pieces.length === slots.length + 1. */
  pieces: string[];
  slots: string[];
}

export function toSlotTemplate(html: string): SlotTemplate {
  const parts = html.split(MARKER);
  return { pieces: parts.filter((_, i) => i % 2 === 0), slots: parts.filter((_, i) => i % 2 === 1) };
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const SPECIAL = /[&<>"']/;

/** Text for HTML content or a quoted attribute, escaped as React escapes it. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => entities[c]!) : text;
}

/** The template with every slot's value escaped, and the form token input (HTML) in TOKEN_SLOT. */
export function fillSlots(template: SlotTemplate, values: Record<string, string>, tokenInput = ""): string {
  const { pieces, slots } = template;
  let out = pieces[0]!;
  for (let i = 0; i < slots.length; i++) {
    const name = slots[i]!;
    const value = name === TOKEN_SLOT ? tokenInput : values[name];
    if (value === undefined) throw new Error(`no value for the slot ${name}`);
    out += (name === TOKEN_SLOT ? value : escapeHtml(value)) + pieces[i + 1]!;
  }
  return out;
}
