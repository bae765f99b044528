// Recognises STOP replies (SYNC-PROTOCOL.md "keywords"): case, accents and Arabic diacritics ignored,
// surrounding words tolerated, but only whole words match ("NONSTOP", "STOPPER" do not).

const ALL_FORMS = [["STOP", "ALL"], ["STOPALL"]];
const SENDER_FORMS = [["STOP"], ["ARRET"], ["DESABONNER"], ["UNSUBSCRIBE"], ["توقف"], ["الغاء"]];

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

export type StopKeyword = { scope: "all" | "sender" } | null;

/** `all` for the all-senders forms, `sender` for the others, null when the text is no stop word. */
export function parseStopKeyword(text: string): StopKeyword {
  const words = normalise(text);
  if (ALL_FORMS.some((form) => contains(words, form))) return { scope: "all" };
  if (SENDER_FORMS.some((form) => contains(words, form))) return { scope: "sender" };
  return null;
}
