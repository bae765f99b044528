// The classes of the light pages' bodies (light-ui.tsx, landing/landing-body.tsx), the same Tailwind classes
// as the React citizen pages (form-field.tsx's button, the notes and hints of components/citizen/), in one
// list: lib/web/html/light.css compiles exactly these, with the frame's, into the pages' small sheet.

export const LIGHT = {
  h1: "text-2xl font-bold text-brand-800 [overflow-wrap:anywhere]",
  h2: "mt-8 text-xl font-semibold text-brand-800",
  p: "mt-3",
  primary:
    "mt-3 block min-h-12 w-full rounded-lg border-2 border-brand-700 bg-brand-700 px-4 py-3 text-center font-semibold text-white hover:bg-brand-800",
  secondary:
    "mt-3 block min-h-12 w-full rounded-lg border-2 border-brand-700 bg-white px-4 py-3 text-center font-semibold text-brand-800",
  note: "mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3",
  hint: "mt-1 text-sm text-slate-700",
  link: "text-brand-800 underline",
  /** A phone number: whole on one line while it fits (an inline block), wrapped only when wider than the screen. */
  number: "inline-block",
  check: "mt-4 flex min-h-11 items-start gap-3",
  checkbox: "mt-1 size-5 shrink-0 accent-brand-700",
  dl: "mt-2",
  dt: "mt-2 font-semibold",
  dd: "",
} as const;
