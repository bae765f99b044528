import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { moroccanDayRange } from "@/lib/time-zone";
import { assessComplaint } from "./assess-complaint";

const STATUSES = ["new", "reviewing", "forwarded", "closed"] as const;

const VERDICTS = ["violation", "within-deadline", "no-opposition", "undetermined"] as const;

export interface ComplaintFilters {
  status?: string;
  verdict?: string;
  sender?: string;
  /** A provider's slug: complaints about its links or answered by it. */
  provider?: string;
  /** Moroccan days, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

function whereOf(filters: ComplaintFilters): Prisma.ComplaintWhereInput {
  const status = STATUSES.find((s) => s === filters.status) as ComplaintStatus | undefined;
  const verdict = VERDICTS.find((v) => v === filters.verdict);
  // Day bounds in the zone: Morocco is on UTC during Ramadan, not always +01:00.
  const createdAt = moroccanDayRange(filters.from, filters.to);
  return {
    ...(status ? { status } : {}),
    ...(verdict ? { verdict } : {}),
    ...(filters.sender ? { sender: { code: filters.sender } } : {}),
    ...(filters.provider ? { provider: { slug: filters.provider } } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/** The queue, newest first (at most `take`), and how many complaints match in all. */
export async function listComplaints(filters: ComplaintFilters & { take?: number }) {
  await requireStaff("analyst");
  const where = whereOf(filters);
  const [rows, total] = await Promise.all([
    db().complaint.findMany({
      where,
      include: { sender: { select: { code: true, name: true } }, provider: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "desc" },
      take: filters.take ?? 200,
    }),
    db().complaint.count({ where }),
  ]);
  return { rows, total };
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
