/** Senders to choose, as checkboxes (a long multi-select is hard to use with a keyboard or a phone). */
export function SenderCheckboxes({
  senders,
  name,
  legend,
  empty,
}: {
  senders: { code: string; name: string }[];
  name: string;
  legend: string;
  empty: string;
}) {
  return (
    <fieldset className="mt-3">
      <legend className="font-semibold">{legend}</legend>
      {senders.length === 0 ? (
        <p className="mt-1">{empty}</p>
      ) : (
        <ul className="mt-1 max-h-72 space-y-1 overflow-y-auto rounded border border-slate-300 p-2">
          {senders.map((s) => (
            <li key={s.code}>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name={name} value={s.code} className="h-5 w-5" />
                {s.name} <span className="font-mono text-sm">({s.code})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
