import type { NextRequest } from "next/server";
import { readNumberPost, seeOther } from "@/lib/web/citizen/number-form";
import { clearNumberSessionCookie, revokeNumberSession } from "@/lib/web/citizen/session-cookie";

export async function POST(request: NextRequest) {
  const post = await readNumberPost(request);
  if (post instanceof Response) return post;
  await revokeNumberSession(request);
  const response = seeOther("/number");
  clearNumberSessionCookie(response);
  return response;
}
