import "server-only";
import { db } from "@/lib/db/client";

/** The sources a provider may declare (GET /api/v1/sources): registered and not suspended. */
export async function listActiveListSources(): Promise<{ code: string; name: string; kind: string }[]> {
  return db().listSource.findMany({
    where: { suspendedAt: null },
    select: { code: true, name: true, kind: true },
    orderBy: { code: "asc" },
  });
}

/** Every source, suspended ones too (staff and the admin CLI). */
export async function listListSources() {
  return db().listSource.findMany({ orderBy: { code: "asc" } });
}
