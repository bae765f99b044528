import type { NextRequest } from "next/server";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { env } from "@/lib/env";
import { clearFlash } from "@/lib/web/form-flash";
import { readFormPost, seeOther } from "@/lib/web/form-post";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";

// Plain form post from /report: PRG to the confirmation with the complaint's reference.
export async function POST(request: NextRequest) {
  const post = await readFormPost(request);
  if (post instanceof Response) return post;
  const optional = (name: string) => post.field(name) || undefined;
  const values = {
    reason: post.field("reason"),
    senderSeen: post.field("senderSeen"),
    messageText: post.field("messageText"),
    receivedOn: post.field("receivedOn"),
    phone: post.field("phone").trim() ? post.field("phone") : undefined,
    link: optional("link"),
    receipt: optional("receipt"),
    senderAsTyped: post.values.senderAsTyped,
    senderChoice: post.values.senderChoice,
    sharePhone: post.field("sharePhone") === "yes",
  };
  const session = await numberSessionOf(request);
  const result = await createComplaint(values, {
    defaultRegion: env().STOPSMS_DEFAULT_REGION,
    verifiedPhone: session?.phone,
  });
  if (result.status === "invalid") {
    const data = {
      values: { ...values, messageText: values.messageText.slice(0, 2000) },
      errors: result.errors,
      suggestion: result.suggestion,
    };
    return seeOther("/report", { form: "report", data });
  }
  const response = seeOther(`/report?reference=${result.id}`);
  clearFlash(response, "report");
  return response;
}
