/** The GOV.UK pattern: a summary at the top linking to each field in error. */
export function ErrorSummary({ title, errors }: { title: string; errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    // Focused on arrival (autofocus works without JavaScript): the reader lands on what to fix.
    <div
      role="alert"
      tabIndex={-1}
      autoFocus
      className="mt-4 rounded border-2 border-red-700 p-3 focus:outline-3 focus:outline-blue-700"
    >
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc ps-6">
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`} className="text-red-800 underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
