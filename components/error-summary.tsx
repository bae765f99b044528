/** The GOV.UK pattern: a summary at the top linking to each field in error. */
export function ErrorSummary({ title, errors }: { title: string; errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mt-4 rounded border-2 border-red-700 p-3">
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
