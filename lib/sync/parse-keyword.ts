// Recognises STOP and START replies (docs/protocol.md "keywords", 1.1 "Keywords: START"): case, accents and
// Arabic diacritics ignored, surrounding words tolerated, but only whole words match ("NONSTOP", "STOPPER"
// do not). A text with both a stop and a start word is a STOP: doubt goes to the refusal.

const ALL_FORMS = [["STOP", "ALL"], ["STOPALL"]];
const SENDER_FORMS = [["STOP"], ["ARRET"], ["DESABONNER"], ["UNSUBSCRIBE"], ["توقف"], ["الغاء"]];
const START_FORMS = [["START"], ["UNSTOP"], ["REABONNER"], ["ابدا"]];

function normalise(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // Latin accents: ARRÊT → ARRET
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "") // Arabic harakat and tatweel
    .replace(/[إأآٱ]/g, "ا") // alef forms: إلغاء → الغاء
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function contains(words: string[], form: string[]): boolean {
  return words.some((_, i) => form.every((part, j) => words[i + j] === part));
}

export type Keyword = { action: "stop"; scope: "all" | "sender" } | { action: "start" } | null;

/** A stop (`all` for the all-senders forms, `sender` for the others), a start, or null. */
export function parseKeyword(text: string): Keyword {
  const words = normalise(text);
  if (ALL_FORMS.some((form) => contains(words, form))) return { action: "stop", scope: "all" };
  if (SENDER_FORMS.some((form) => contains(words, form))) return { action: "stop", scope: "sender" };
  if (START_FORMS.some((form) => contains(words, form))) return { action: "start" };
  return null;
}
