import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db/client";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { moroccanDayEnd, moroccanMidnight } from "@/lib/time-zone";
import { assessComplaint } from "./assess-complaint";

const STATUSES = ["new", "reviewing", "forwarded", "closed"] as const;

/** The queue, newest first; `from`/`to` (YYYY-MM-DD, Moroccan days) bound it for exports. */
export async function listComplaints(filters: {
  status?: string;
  sender?: string;
  from?: string;
  to?: string;
  take?: number;
}) {
  await requireStaff("analyst");
  const status = STATUSES.find((s) => s === filters.status) as ComplaintStatus | undefined;
  // Day bounds in the zone: Morocco is on UTC during Ramadan, not always +01:00.
  const createdAt = {
    ...(filters.from ? { gte: moroccanMidnight(filters.from) } : {}),
    ...(filters.to ? { lt: moroccanDayEnd(filters.to) } : {}),
  };
  return db().complaint.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(filters.sender ? { sender: { code: filters.sender } } : {}),
      ...(filters.from || filters.to ? { createdAt } : {}),
    },
    include: { sender: { select: { code: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: filters.take ?? 200,
  });
}

/** One complaint for the staff page, its verdict recomputed first (the facts may have changed since). */
export async function getComplaint(id: string) {
  await requireStaff("analyst");
  if (await db().complaint.findUnique({ where: { id }, select: { id: true } })) await assessComplaint(id);
  return db().complaint.findUnique({
    where: { id },
    include: {
      sender: { select: { code: true, name: true } },
      provider: { select: { slug: true, name: true } },
      notes: { include: { author: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
      answers: { orderBy: { answeredAt: "asc" } },
    },
  });
}
