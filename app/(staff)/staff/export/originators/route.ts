import { DomainError } from "@/lib/errors";
import { listOriginators } from "@/lib/complaints/list-originators";
import { toCsv } from "@/lib/stats/to-csv";

// For the operators, who can suspend SIM cards: the sending numbers (not sender ids) reported by citizens
// who proved their own number, counted as distinct verified reporters; unverified reports never enter it.
export async function GET() {
  try {
    const numbers = (await listOriginators()).filter((o) => o.phone && o.verifiedReporters > 0);
    const csv = toCsv(
      ["number", "verified_reporters", "verified_reporters_last_7_days", "first_seen", "last_seen"],
      numbers.map((o) => [
        o.phone,
        o.verifiedReporters,
        o.recentVerifiedReporters,
        o.firstSeen.toISOString(),
        o.lastSeen.toISOString(),
      ]),
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
