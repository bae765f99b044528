import bidiFactory from "bidi-js";

// A PDF has no text direction: each line is drawn left to right, so a line that holds Arabic is put in
// visual order here (Unicode bidi algorithm, bidi-js) and handed to the shaper run by run. A run of Arabic
// letters is given in logical order, because the shaper (fontkit, under pdfkit) joins its letters and lays it
// right to left itself; everything else is given character by character in visual order, mirrored where the
// algorithm says so ("(" in a right-to-left run is drawn as ")"). Each run knows where it starts in the
// text: the writer places runs in visual order but writes them in logical order, so that a reader that
// follows the content (pdftotext -raw, a screen reader, copy and paste) gets the sentence as it was typed.

const bidi = bidiFactory();
const SHAPED_TYPES = new Set(["AL", "NSM"]);
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

export interface VisualRun {
  /** What to hand the shaper. */
  text: string;
  /** Where the run starts in the paragraph's logical text. */
  start: number;
  /** A mirrored bracket: the character it stands for, for readers that copy the text (PDF ActualText). */
  actual?: string;
}

export interface VisualLine {
  runs: VisualRun[];
}

export interface Paragraph {
  /** The paragraph's base direction: a right-to-left paragraph is aligned to the right margin. */
  rtl: boolean;
  lines: VisualLine[];
}

export const hasArabic = (text: string) => ARABIC.test(text);

/**
 * A paragraph cut into lines that fit `width` (words measured by `measure`, a word longer than a line cut
 * anywhere), each line in visual order. Text outside the Basic Multilingual Plane is shown as "?".
 */
export function layoutParagraph(input: string, width: number, measure: (text: string) => number): Paragraph {
  const text = input.replace(/[\ud800-\udfff]/g, "?").replace(/[\r\n\t]+/g, " ");
  const levels = bidi.getEmbeddingLevels(text);
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
  return { rtl, lines: breakLines(text, width, measure).map(([start, end]) => visualLine(text, levels, start, end)) };
}

/** [start, end) of each line, in logical order, breaking at spaces; a word wider than a line is cut. */
function breakLines(text: string, width: number, measure: (text: string) => number): [number, number][] {
  const lines: [number, number][] = [];
  let start = -1;
  let end = -1;
  for (const match of text.matchAll(/\S+/g)) {
    let wordStart = match.index;
    const wordEnd = wordStart + match[0].length;
    if (start >= 0 && measure(text.slice(start, wordEnd)) <= width) {
      end = wordEnd;
      continue;
    }
    if (start >= 0) lines.push([start, end]);
    while (measure(text.slice(wordStart, wordEnd)) > width && wordEnd - wordStart > 1) {
      let cut = wordEnd - 1;
      while (cut - wordStart > 1 && measure(text.slice(wordStart, cut)) > width) cut -= 1;
      lines.push([wordStart, cut]);
      wordStart = cut;
    }
    start = wordStart;
    end = wordEnd;
  }
  lines.push(start >= 0 ? [start, end] : [0, 0]);
  return lines;
}

function visualLine(
  text: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  start: number,
  end: number,
): VisualLine {
  if (end <= start) return { runs: [] };
  const order = Array.from({ length: end - start }, (_, i) => start + i);
  for (const [from = start, to = start] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    const reversed = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, reversed.length, ...reversed);
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  // Letters (and their marks) only: Arabic punctuation is neutral, placed by the algorithm like ":" or ".".
  const shaped = (i: number) =>
    levels.levels[i]! % 2 === 1 && ARABIC.test(text[i]!) && SHAPED_TYPES.has(bidi.getBidiCharTypeName(text[i]!));
  const runs: VisualRun[] = [];
  let current: { shaped: boolean; indexes: number[] } | null = null;
  const flush = () => {
    if (!current) return;
    const { indexes } = current;
    runs.push({
      text: current.shaped
        ? text.slice(indexes[indexes.length - 1], indexes[0]! + 1)
        : indexes.map((i) => text[i]).join(""),
      start: Math.min(...indexes),
    });
  };
  for (const i of order) {
    const mirror = mirrored.get(i);
    if (mirror) {
      flush();
      current = null;
      runs.push({ text: mirror, start: i, actual: text[i] });
      continue;
    }
    const isShaped = shaped(i);
    // An Arabic run goes on while the visual order walks its logical text backwards, one character at a time.
    const continues =
      current !== null &&
      current.shaped === isShaped &&
      (!isShaped || current.indexes[current.indexes.length - 1] === i + 1);
    if (continues) current!.indexes.push(i);
    else {
      flush();
      current = { shaped: isShaped, indexes: [i] };
    }
  }
  flush();
  // Spaces at the line's ends are not drawn.
  return { runs: trimRuns(runs) };
}

function trimRuns(runs: VisualRun[]): VisualRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !out[0]!.text.trimStart()) out.shift();
  while (out.length && !out[out.length - 1]!.text.trimEnd()) out.pop();
  if (out.length) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out;
}
