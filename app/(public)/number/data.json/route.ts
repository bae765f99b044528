import type { NextRequest } from "next/server";
import { exportMyNumber } from "@/lib/my-number/export-my-number";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";

// "Download my data" as a file (keys described on /number/data and in docs/privacy.md): only with a session
// for that number; never cached anywhere.
export async function GET(request: NextRequest) {
  const session = await numberSessionOf(request);
  if (!session) return new Response(null, { status: 303, headers: { Location: "/number" } });
  const data = await exportMyNumber(session.phone);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="stopsms-${session.phone.replace("+", "")}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
