// What the gate needs from the StopSMS platform, as plain values. The HTTP client that implements it
// (signed requests, checked answers) lives at the edge: lib/web/platform-client/gate-platform.ts.

export interface GateSender {
  code: string;
  sms_ids: string[];
}

export interface ListEntry {
  phone: string;
  scope: string;
  sender: string | null;
}

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
  mintLinks(sender: string, campaign: string, phones: string[]): Promise<Map<string, string>>;
  reportStop(from: string, text: string, sender: string | undefined, receivedAt: Date): Promise<void>;
}
