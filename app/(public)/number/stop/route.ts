import type { NextRequest } from "next/server";
import { readNumberPost, seeOther } from "@/lib/web/citizen/number-form";
import { stopForVerifiedNumber } from "@/lib/my-number/act-on-my-number";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";
import { requestLocale } from "@/lib/web/citizen-request";

// One tap on /number: stop all senders, or the one sender named (verified, source web).
export async function POST(request: NextRequest) {
  const post = await readNumberPost(request);
  if (post instanceof Response) return post;
  const session = await numberSessionOf(request);
  if (!session) return seeOther("/number");
  const receipt = await stopForVerifiedNumber(
    session.phone,
    {
      scope: post.field("scope"),
      sender: post.field("sender"),
    },
    requestLocale(request),
  );
  return receipt ? seeOther("/number", { done: receipt }) : seeOther("/number");
}
