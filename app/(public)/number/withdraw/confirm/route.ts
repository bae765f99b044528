import type { NextRequest } from "next/server";
import { readNumberPost, seeOther } from "@/lib/web/citizen/number-form";
import { withdrawForVerifiedNumber } from "@/lib/my-number/act-on-my-number";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";
import { requestLocale } from "@/lib/web/citizen-request";

// The confirmed withdrawal (the page before it said what will happen): to its receipt.
export async function POST(request: NextRequest) {
  const post = await readNumberPost(request);
  if (post instanceof Response) return post;
  const session = await numberSessionOf(request);
  if (!session) return seeOther("/number");
  if (post.field("confirm") !== "yes") return seeOther("/number");
  const receipt = await withdrawForVerifiedNumber(
    session.phone,
    {
      scope: post.field("scope"),
      sender: post.field("sender"),
      source: post.field("source"),
    },
    requestLocale(request),
  );
  return receipt
    ? seeOther(`/receipt/${receipt}`)
    : seeOther("/number", { error: { field: "phone", key: "nothing-to-withdraw" } });
}
