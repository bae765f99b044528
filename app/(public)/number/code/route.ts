import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { readNumberPost, seeOther } from "@/lib/web/citizen/number-form";
import { requestVerificationCode } from "@/lib/verification/request-code";

// Step 1 of "My number": send a code. The answer is the same whether or not the number has oppositions.
export async function POST(request: NextRequest) {
  const post = await readNumberPost(request);
  if (post instanceof Response) return post;
  const typed = post.field("phone");
  const result = await requestVerificationCode({
    phone: typed,
    address: post.address,
    client: post.client,
    locale: post.locale,
    defaultRegion: env().STOPSMS_DEFAULT_REGION,
    smsPerHour: env().STOPSMS_SMS_PER_HOUR,
  });
  switch (result.status) {
    case "sent":
      return seeOther("/number", { step: "code", phone: result.phone });
    case "invalid":
      return seeOther("/number", { step: "phone", phone: typed, error: { field: "phone", key: result.error } });
    case "wait":
      return seeOther("/number", {
        step: "phone",
        phone: typed,
        error: { field: "phone", key: "wait", params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } },
      });
    case "busy":
      return seeOther("/number", {
        step: "phone",
        phone: typed,
        error: { field: "phone", key: "sms-busy", params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } },
      });
    case "send-failed":
      return seeOther("/number", { step: "phone", phone: typed, error: { field: "phone", key: "send-failed" } });
  }
}
