import "server-only";
import { db } from "@/lib/db/client";

export interface AccessLogEntry {
  providerId?: number;
  keyid?: string;
  method: string;
  endpoint: string;
  cursor?: string;
  count?: number;
  status: number;
  code?: string;
  userAgent?: string | null;
}

/** Every signed call, accepted or refused: the CNDP's evidence of who pulled what and when. */
export async function writeAccessLog(entry: AccessLogEntry): Promise<void> {
  await db().accessLog.create({
    data: {
      providerId: entry.providerId ?? null,
      keyid: entry.keyid?.slice(0, 200) ?? null,
      method: entry.method,
      endpoint: entry.endpoint,
      cursor: entry.cursor?.slice(0, 200) ?? null,
      count: entry.count ?? null,
      status: entry.status,
      code: entry.code ?? null,
      userAgent: entry.userAgent?.slice(0, 200) ?? null,
    },
  });
}
