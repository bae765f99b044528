import type { NextRequest } from "next/server";
import { DomainError } from "@/lib/errors";
import { parseDateRange } from "@/lib/stats/date-range";
import { EXPORTABLE, exportTable, type ExportableTable } from "@/lib/stats/export-table";

export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  if (!(EXPORTABLE as readonly string[]).includes(table)) return new Response("Unknown table", { status: 404 });
  const range = parseDateRange(Object.fromEntries(request.nextUrl.searchParams));
  try {
    const csv = await exportTable(table as ExportableTable, range);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="stopsms-${table}-${range.from}-${range.to}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.status === 401 || error.status === 403))
      return new Response(error.message, { status: error.status });
    throw error;
  }
}
