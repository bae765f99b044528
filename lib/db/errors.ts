/** Prisma's "unique constraint failed" (P2002), whichever driver adapter raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
