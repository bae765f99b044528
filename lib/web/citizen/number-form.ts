import "server-only";
import type { NextRequest } from "next/server";
import { readFormPost, seeOther as formSeeOther, type FormPost } from "@/lib/web/form-post";

/** What the /number page reads back after a post (PRG): which step, the number being verified, the errors. */
export interface NumberFlash {
  step?: "phone" | "code";
  phone?: string;
  error?: { field: "phone" | "code"; key: string; params?: Record<string, number> };
  done?: string;
}

export type NumberPost = FormPost;

/**
 * The start of every /number form post: same-origin and rate-limit guard, the form read into strings
 * (lib/web/form-post.ts). Returns the refusal to send as it is, or the parsed post.
 */
export function readNumberPost(request: NextRequest): Promise<NumberPost | Response> {
  return readFormPost(request, 200);
}

/** 303 to `location`, with the flash for the /number page when given. */
export function seeOther(location: string, flash?: NumberFlash): Response {
  return formSeeOther(location, flash ? { form: "number", data: flash } : undefined);
}
