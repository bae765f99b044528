const th = "border-b-2 border-slate-300 px-2 py-1 text-start";
const td = "border-b border-slate-200 px-2 py-1";
const num = `${td} whitespace-nowrap text-end tabular-nums`;

/** A table of figures: the first cell of each row heads it; scrolls on its own on a narrow screen. */
export function FigureTable({
  head,
  rows,
  label,
  empty,
}: {
  head: string[];
  rows: React.ReactNode[][];
  label: string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="mt-2">{empty}</p>;
  return (
    <div className="mt-2 overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      <table className="w-full text-sm">
        <thead>
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col" className={i === 0 ? th : `${th} text-end`}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`${td} text-start font-normal`}>
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={num}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
