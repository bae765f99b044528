/** A labelled input with its hint and inline error, wired for screen readers. */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  children: (describedBy: string | undefined, invalid: boolean) => React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mt-5">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 font-semibold text-red-800">
          {error}
        </p>
      )}
      {children(describedBy, Boolean(error))}
    </div>
  );
}

export const inputClass =
  "mt-2 block w-full min-h-12 rounded-lg border-2 border-slate-500 px-3 py-2 text-base aria-[invalid=true]:border-red-700";

/** The full-width primary button that ends every citizen form. */
export function SubmitButton({ children }: { children: React.ReactNode }) {
  return (
    <button
      type="submit"
      className="mt-6 min-h-12 w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
    >
      {children}
    </button>
  );
}
