import type { NextRequest } from "next/server";
import { answerStopSubmit } from "@/lib/web/citizen/answer-stop-submit";

// The production server answers this post before Next's router (scripts/serve.ts); both call one function.
export function POST(request: NextRequest) {
  return answerStopSubmit(request);
}
