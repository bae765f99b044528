import type { ReactNode } from "react";
import { cellClass, headClass, numCellClass, numHeadClass } from "./ui";

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, digits of equal width. */
  numeric?: boolean;
  /** A data-testid on each cell, from the row. */
  testId?: (row: Row) => string;
}

/**
 * Every staff table: a caption for screen readers, header cells with their scope, numeric columns aligned
 * right, a horizontal scroll of its own on a narrow screen, and what to say when there is no row.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  testId,
  rowProps,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty: string;
  testId?: string;
  rowProps?: (row: Row) => React.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={column.numeric ? numHeadClass : headClass}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column, i) => (
                <td key={i} className={column.numeric ? numCellClass : cellClass} data-testid={column.testId?.(row)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="mt-4">{empty}</p>}
    </div>
  );
}
