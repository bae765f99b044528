import { Prisma } from "@/lib/generated/prisma/client";
import { TIME_ZONE } from "@/lib/time-zone";

/**
 * The zone inside Prisma's tagged SQL as a literal, not a bind parameter: the planner then sees the same
 * expression as the migrations' indexes on `(… AT TIME ZONE 'Africa/Casablanca')`.
 */
export const TZ = Prisma.raw(`'${TIME_ZONE}'`);
