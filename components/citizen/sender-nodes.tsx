import type { ReactNode } from "react";
import { senderParams } from "@/lib/i18n/sender-params";

// A name typed by someone else inside a sentence is isolated in <bdi> through the messages' <name> tag: a
// Latin sender inside an Arabic sentence otherwise pulls the digits after it into its own run ("Atlas Bank ·
// 5 نونبر" showed the 5 beside the name), and an Arabic name does the same in a French sentence.
const name = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

/** {sender}/{deSender} for `t.rich`, the name isolated. */
export function senderNodes(sender: string) {
  return { ...senderParams(sender), name };
}

/** Other names (a list source) for `t.rich`, isolated like a sender's. */
export function isolated<V extends Record<string, string>>(values: V) {
  return { ...values, name };
}
