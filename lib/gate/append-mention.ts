import { splitSms, type SmsPart } from "@/lib/sms/split-sms";

// The StopSMS mention the gate adds to a commercial message: "STOP SMS: <link>" on its own line, in the
// message's language (Arabic text gets the Arabic word beside it and travels in UCS-2 anyway).

const ARABIC = /[\u0600-\u06FF]/;

export function withMention(text: string, link: string): string {
  return `${text}\n${ARABIC.test(text) ? "STOP SMS للإيقاف" : "STOP SMS"}: ${link}`;
}

/** The text with its mention, in as many parts as it needs (splitSms throws past `maxParts`). */
export function mentionedParts(text: string, link: string, maxParts: number, reference: number): SmsPart[] {
  return splitSms(withMention(text, link), reference, maxParts);
}
