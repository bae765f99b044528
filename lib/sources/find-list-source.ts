import "server-only";
import { db } from "@/lib/db/client";
import { listSourceCodeSchema } from "./schemas";

export interface FoundListSource {
  id: number;
  code: string;
  name: string;
  suspendedAt: Date | null;
}

/** A registered list source by its code (suspended ones too: their refusals stay in force); null otherwise. */
export async function findListSource(code: string): Promise<FoundListSource | null> {
  const parsed = listSourceCodeSchema.safeParse(code);
  if (!parsed.success) return null;
  return db().listSource.findUnique({
    where: { code: parsed.data },
    select: { id: true, code: true, name: true, suspendedAt: true },
  });
}
