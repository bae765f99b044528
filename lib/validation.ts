import type { z } from "zod";
import { invalidInput } from "@/lib/errors";

/** Parses at a boundary; bad input becomes a 422 DomainError listing each problem by field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      field: issue.path.join(".") || "(body)",
      message: issue.message,
    }));
    throw invalidInput(errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
  }
  return result.data;
}
