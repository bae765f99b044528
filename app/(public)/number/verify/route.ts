import type { NextRequest } from "next/server";
import { clearFlash } from "@/lib/web/form-flash";
import { readNumberPost, seeOther } from "@/lib/web/citizen/number-form";
import { setNumberSessionCookie } from "@/lib/web/citizen/session-cookie";
import { verifyCode } from "@/lib/verification/verify-code";

// Step 2: the code. Success opens a 30-minute session bound to that number only.
export async function POST(request: NextRequest) {
  const post = await readNumberPost(request);
  if (post instanceof Response) return post;
  const phone = post.field("phone");
  const result = await verifyCode({ phone, code: post.field("code") });
  if (result.status === "verified") {
    const response = seeOther("/number");
    clearFlash(response, "number");
    setNumberSessionCookie(response, phone);
    return response;
  }
  const error =
    result.status === "wrong"
      ? { field: "code" as const, key: "code-wrong", params: { tries: result.triesLeft } }
      : { field: "code" as const, key: "code-expired" };
  return seeOther("/number", { step: "code", phone, error });
}
