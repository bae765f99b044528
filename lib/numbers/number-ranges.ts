import "server-only";
import { z } from "zod";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db, type Tx } from "@/lib/db/client";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { slugSchema } from "@/lib/providers/schemas";
import { parseInput } from "@/lib/validation";

// The E.164 blocks the ANRT assigned to an operator. Its number events may name only numbers in them (or
// ported to it): an operator cannot end the refusals of another operator's subscribers.

const E164 = /^\+[1-9]\d{5,14}$/;

export interface NumberRange {
  first: string;
  last: string;
}

/** "+212600000000-+212609999999" (spaces allowed around the dash) → a range, or a 422. */
export function parseNumberRange(text: string): NumberRange {
  const [first = "", last = "", ...rest] = text.split("-").map((part) => part.replace(/\s/g, ""));
  if (rest.length > 0 || !E164.test(first) || !E164.test(last))
    throw invalidInput(
      `range must be <first>-<last> in E.164 (+212600000000-+212609999999), not ${text.slice(0, 60)}`,
      undefined,
      { id: "numbers.range-invalid" },
    );
  if (first.length !== last.length || first > last)
    throw invalidInput("a range's first and last numbers have the same length, first before last", undefined, {
      id: "numbers.range-invalid",
    });
  return { first, last };
}

const input = z.object({ providerSlug: slugSchema, range: z.string().max(80) });

async function operatorBySlug(tx: Tx, slug: string) {
  const provider = await tx.provider.findUnique({ where: { slug } });
  if (!provider) throw notFound(`no provider ${slug}`, { id: "providers.no-provider", values: { slug } });
  if (provider.kind !== "operator")
    throw invalidInput(`${slug} is not an operator: only operators hold number ranges`, undefined, {
      id: "numbers.not-operator",
      values: { slug },
    });
  return provider;
}

export async function addNumberRange(actor: Actor, values: unknown): Promise<{ added: boolean }> {
  await assertActorMay(actor, "admin");
  const { providerSlug, range } = parseInput(input, values);
  const { first, last } = parseNumberRange(range);
  return db().$transaction(async (tx) => {
    const provider = await operatorBySlug(tx, providerSlug);
    // The ANRT assigns a block to one operator: an overlap is a typing error, never a second owner.
    const [overlap] = await tx.$queryRaw<{ slug: string; first: string; last: string }[]>`
      SELECT p.slug, r.first_number AS first, r.last_number AS last FROM provider_number_ranges r JOIN providers p ON p.id = r.provider_id
      WHERE length(r.first_number) = length(${first}) AND r.first_number <= ${last} AND ${first} <= r.last_number
        AND NOT (r.provider_id = ${provider.id} AND r.first_number = ${first} AND r.last_number = ${last})
      LIMIT 1`;
    if (overlap)
      throw conflict(`overlaps ${overlap.first}-${overlap.last} of ${overlap.slug}`, {
        id: "numbers.range-overlap",
        values: { slug: overlap.slug },
      });
    const inserted = await tx.$executeRaw`
      INSERT INTO provider_number_ranges (provider_id, first_number, last_number) VALUES (${provider.id}, ${first}, ${last})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return { added: false };
    await writeAudit(tx, actor, {
      action: "provider.range.add",
      targetType: "provider",
      targetId: providerSlug,
      after: { first, last },
    });
    return { added: true };
  });
}

export async function removeNumberRange(actor: Actor, values: unknown): Promise<{ removed: boolean }> {
  await assertActorMay(actor, "admin");
  const { providerSlug, range } = parseInput(input, values);
  const { first, last } = parseNumberRange(range);
  return db().$transaction(async (tx) => {
    const provider = await operatorBySlug(tx, providerSlug);
    const removed = await tx.providerNumberRange.deleteMany({
      where: { providerId: provider.id, firstNumber: first, lastNumber: last },
    });
    if (removed.count === 0) return { removed: false };
    await writeAudit(tx, actor, {
      action: "provider.range.remove",
      targetType: "provider",
      targetId: providerSlug,
      before: { first, last },
    });
    return { removed: true };
  });
}

export async function listNumberRanges(actor: Actor, providerSlug: string): Promise<NumberRange[]> {
  await assertActorMay(actor, "analyst");
  const rows = await db().providerNumberRange.findMany({
    where: { provider: { slug: providerSlug } },
    orderBy: { firstNumber: "asc" },
  });
  return rows.map((r) => ({ first: r.firstNumber, last: r.lastNumber }));
}
