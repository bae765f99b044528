export const cellClass = "border-b border-slate-200 px-2 py-2 text-start align-top";
export const headClass = "border-b-2 border-slate-300 px-2 py-2 text-start font-semibold";
export const buttonClass = "min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";
export const secondaryButtonClass =
  "min-h-11 rounded-lg border-2 border-brand-700 px-3 py-2 font-semibold text-brand-800";
export const fieldClass = "mt-1 block w-full min-h-11 rounded border-2 border-slate-500 px-2 py-1";

export {
  formatDate,
  formatDateTime,
  formatDay,
  formatDecimal,
  formatDuration,
  formatNumber,
  formatTimestampsIn,
} from "@/lib/i18n/staff-format";
/** Numeric columns: right-aligned, digits of equal width. */
export const numCellClass = `${cellClass} text-end tabular-nums`;
export const numHeadClass = `${headClass} text-end`;

// Destructive actions look different from everything else: red, and always followed by a confirmation page.
export const dangerButtonClass = "min-h-11 rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800";
export const dangerSecondaryButtonClass =
  "min-h-11 rounded-lg border-2 border-red-700 px-3 py-2 font-semibold text-red-800";
