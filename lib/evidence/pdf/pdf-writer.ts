import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { layoutParagraph } from "./visual-runs";

// The evidence PDF's pen: tagged PDF (headings and paragraphs in a structure tree, page furniture as
// artifacts), page numbers, and one font family for French and Arabic. DejaVu Sans (from the npm registry,
// embedded as a subset) because its Arabic letters are whole glyphs: a PDF made with a font that builds
// letters from a base and separate dots (Noto Sans Arabic) looks right but its text, once copied or read
// by pdftotext, turns ض into ص. Known limits of pdftotext (poppler), not of the page: it gives the two letters
// of a lam-alef ligature (لا) in reverse order, and reads a Latin word or a number inside Arabic text in the
// French page's direction; the signed JSON attached to the PDF holds every text exactly.

const fontFile = (name: string) =>
  createRequire(path.join(process.cwd(), "package.json")).resolve(`dejavu-fonts-ttf/ttf/${name}`);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** Points from the paragraph's starting side (the right one for an Arabic paragraph). */
  indent?: number;
  color?: string;
  /** Space after the paragraph, in points. */
  gap?: number;
}

export interface PdfWriter {
  heading(text: string, level: 1 | 2 | 3): void;
  paragraph(text: string, style?: TextStyle): void;
  /** "Label : value" as one paragraph, the value drawn in its own direction below a long label. */
  field(label: string, value: string): void;
  /** Keeps what follows on a new page when less than `points` are left. */
  keepSpace(points: number): void;
  finish(): Promise<Buffer>;
}

export interface PdfMeta {
  title: string;
  subject: string;
  /** The running head of every page. */
  runningHead: string;
  attachment: { name: string; content: Buffer; description: string };
}

const HEADING = { 1: { size: 16, gap: 8 }, 2: { size: 13, gap: 6 }, 3: { size: 11, gap: 4 } } as const;

export function createPdfWriter(meta: PdfMeta): PdfWriter {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    tagged: true,
    pdfVersion: "1.7",
    lang: "fr-MA",
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Author: "CNDP — StopSMS", Creator: "StopSMS" },
  });
  pdf.registerFont("regular", fontFile("DejaVuSans.ttf"));
  pdf.registerFont("bold", fontFile("DejaVuSans-Bold.ttf"));
  // The signed file itself travels inside the PDF: the fingerprint printed below is that file's.
  pdf.file(meta.attachment.content, {
    name: meta.attachment.name,
    type: "application/json",
    description: meta.attachment.description,
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const left = () => pdf.page.margins.left;
  const width = () => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

  function draw(text: string, style: TextStyle = {}) {
    const { size = 10, bold = false, indent = 0, color = "#111111", gap = 4 } = style;
    pdf
      .font(bold ? "bold" : "regular")
      .fontSize(size)
      .fillColor(color);
    const lineHeight = pdf.currentLineHeight(true) + 1.5;
    const paragraph = layoutParagraph(text, width() - indent, (s) => pdf.widthOfString(s));
    for (const line of paragraph.lines) {
      if (pdf.y + lineHeight > pdf.page.maxY()) pdf.addPage();
      const widths = line.runs.map((run) => pdf.widthOfString(run.text));
      const total = widths.reduce((a, b) => a + b, 0);
      let x = paragraph.rtl ? left() + width() - indent - total : left() + indent;
      const y = pdf.y;
      // Placed in visual order, written in logical order (visual-runs.ts).
      const placed = line.runs.map((run, i) => {
        const at = x;
        x += widths[i]!;
        return { run, at };
      });
      for (const { run, at } of placed.sort((a, b) => a.run.start - b.run.start)) {
        if (run.actual) pdf.markContent("Span", { actual: run.actual });
        pdf.text(run.text, at, y, { lineBreak: false });
        if (run.actual) pdf.endMarkedContent();
      }
      pdf.x = left();
      pdf.y = y + lineHeight;
    }
    pdf.y += gap;
  }

  const block = (tag: string, text: string, style?: TextStyle) =>
    pdf.addStructure(pdf.struct(tag, {}, () => draw(text, style)));

  return {
    heading(text, level) {
      const { size, gap } = HEADING[level];
      if (pdf.y + size * 4 > pdf.page.maxY()) pdf.addPage();
      pdf.y += level === 1 ? 0 : gap;
      block(`H${level}`, text, { size, bold: true, gap, color: level === 1 ? "#0b3d2e" : "#111111" });
    },
    paragraph(text, style) {
      block("P", text, style);
    },
    field(label, value) {
      block("P", `${label} :`, { bold: true, gap: 1 });
      block("P", value || "—", { indent: 12, gap: 5 });
    },
    keepSpace(points) {
      if (pdf.y + points > pdf.page.maxY()) pdf.addPage();
    },
    finish() {
      const { start, count } = pdf.bufferedPageRange();
      for (let i = start; i < start + count; i += 1) {
        pdf.switchToPage(i);
        const bottom = pdf.page.margins.bottom;
        pdf.page.margins.bottom = 0;
        pdf.markContent("Artifact", { type: "Pagination" });
        pdf.font("regular").fontSize(8).fillColor("#555555");
        pdf.text(meta.runningHead, left(), 34, { lineBreak: false });
        const number = `Page ${i - start + 1} / ${count}`;
        pdf.text(number, left() + width() - pdf.widthOfString(number), pdf.page.height - 40, { lineBreak: false });
        pdf.endMarkedContent();
        pdf.page.margins.bottom = bottom;
      }
      pdf.end();
      return ended;
    },
  };
}
