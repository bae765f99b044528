import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db/client";

export async function listProviders() {
  await requireStaff("analyst");
  return db().provider.findMany({
    orderBy: { slug: "asc" },
    include: { _count: { select: { keys: true, senders: true } } },
  });
}

export async function getProvider(slug: string) {
  await requireStaff("analyst");
  return db().provider.findUnique({
    where: { slug },
    include: {
      keys: { orderBy: { createdAt: "desc" } },
      senders: { include: { sender: true }, orderBy: { sender: { code: "asc" } } },
    },
  });
}

export async function listAccessLog(slug: string, limit = 200) {
  await requireStaff("analyst");
  return db().accessLog.findMany({ where: { provider: { slug } }, orderBy: { id: "desc" }, take: limit });
}

export async function listSenders() {
  await requireStaff("analyst");
  return db().sender.findMany({ orderBy: { code: "asc" }, include: { _count: { select: { providers: true } } } });
}
