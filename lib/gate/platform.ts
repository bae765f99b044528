// What the gate needs from the StopSMS platform, as plain values. The HTTP client that implements it
// (signed requests, checked answers) lives at the edge: lib/web/platform-client/gate-platform.ts.

export interface GateSender {
  code: string;
  sms_ids: string[];
}

export type { ListEntry } from "./suppression-index";
import type { ListEntry } from "./suppression-index";
import type { DeclarationInput } from "@/lib/sources/schemas";

export interface ListChange extends ListEntry {
  seq: number;
  op: "add" | "remove";
}

export interface GatePlatform {
  senders(): Promise<GateSender[]>;
  /** The whole list through the snapshot files, file by file; null when none are ready. */
  loadSnapshot(onEntries: (entries: ListEntry[]) => void): Promise<{ at: number } | null>;
  changes(after: number): Promise<{ changes: ListChange[]; next: number; more: boolean }>;
  acknowledge(applied: number): Promise<void>;
  /** The campaign's declaration goes with every call (1.2: fixed by the first, repeated harmlessly after). */
  mintLinks(
    sender: string,
    campaign: string,
    phones: string[],
    declaration?: DeclarationInput,
  ): Promise<Map<string, string>>;
  reportStop(from: string, text: string, sender: string | undefined, receivedAt: Date): Promise<void>;
}
