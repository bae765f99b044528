import type { z } from "zod";
import { invalidInput } from "@/lib/errors";

/** Parses at a boundary; bad input becomes a 422 DomainError listing each problem by field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    // Each problem keeps what a French staff page needs to say it again (lib/web/staff-error-message.ts).
    const errors = result.error.issues.map((issue) => ({
      field: issue.path.join(".") || "(body)",
      message: issue.message,
      code: issue.code,
      ...("minimum" in issue ? { minimum: Number(issue.minimum) } : {}),
      ...("maximum" in issue ? { maximum: Number(issue.maximum) } : {}),
      ...(issue.code === "custom" && typeof issue.params?.key === "string" ? { key: issue.params.key } : {}),
    }));
    throw invalidInput(errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
  }
  return result.data;
}

/** A form's zod issues as one message key per field (the first for each), for a page to show inline. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
