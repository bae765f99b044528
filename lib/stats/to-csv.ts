// Where a spreadsheet may start a new cell inside ours: French-locale Excel splits on ";", and tabs and line
// breaks split on paste. A formula start (= + - @) after any of them is neutralised too (CSV injection).
const FORMULA_START = /(^|[;,\t\r\n])([=+\-@])/g;

/** RFC 4180 CSV; text cells that a spreadsheet would run as formulas are neutralised, wherever they start. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (value: string | number | null | undefined) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string") text = text.replace(FORMULA_START, "$1'$2");
    return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
