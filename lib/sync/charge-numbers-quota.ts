import "server-only";
import { env } from "@/lib/env";
import { problems } from "@/lib/problems";
import { checkQuota } from "@/lib/rate-limit/check-rate-limit";

/**
 * Washing and minting are paid in numbers, not calls: one provider may send STOPSMS_PROVIDER_NUMBERS_PER_MINUTE
 * (2 000 000 by default, twice a national campaign's list) a minute, whatever its number of calls or keys.
 * Past it: 429 with Retry-After, before any work.
 */
export async function chargeNumbersQuota(providerId: number, numbers: number): Promise<void> {
  const decision = await checkQuota(
    { limit: env().STOPSMS_PROVIDER_NUMBERS_PER_MINUTE, windowMs: 60_000 },
    "numbers",
    String(providerId),
    numbers,
  );
  if (!decision.allowed) throw problems.rateLimited(decision.retryAfterSeconds);
}
