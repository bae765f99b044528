import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { moroccanDayRange } from "@/lib/time-zone";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actor?: string;
  action?: string;
  /** Moroccan days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** 1-based. */
  page?: number;
}

/** The audit log for admins, newest first, filtered and paged; with its total and the actions it holds. */
export async function listAudit(filters: AuditFilters) {
  await requireStaff("admin");
  const at = moroccanDayRange(filters.from, filters.to);
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.actor ? { actorLabel: { contains: filters.actor.slice(0, 200), mode: "insensitive" } } : {}),
    ...(filters.action ? { action: filters.action.slice(0, 100) } : {}),
    ...(at ? { at } : {}),
  };
  const page = Math.max(1, Math.min(Math.floor(filters.page ?? 1) || 1, 10_000));
  const [entries, total, actions] = await Promise.all([
    db().auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db().auditLog.count({ where }),
    db().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    entries,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
  };
}
