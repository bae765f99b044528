import { DomainError } from "@/lib/errors";
import { listOriginators } from "@/lib/complaints/list-originators";
import { toCsv } from "@/lib/stats/to-csv";

// For the operators, who can suspend SIM cards: the reported sending numbers (not sender ids), with counts.
export async function GET() {
  try {
    const numbers = (await listOriginators()).filter((o) => o.phone);
    const csv = toCsv(
      ["number", "complaints", "last_7_days", "first_seen", "last_seen"],
      numbers.map((o) => [o.phone, o.complaints, o.recent, o.firstSeen.toISOString(), o.lastSeen.toISOString()]),
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="stopsms-numeros-signales.csv"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.status === 401 || error.status === 403))
      return new Response(error.message, { status: error.status });
    throw error;
  }
}
