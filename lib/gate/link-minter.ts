import { boundedSet } from "./bounded-set";
import type { GatePlatform } from "./platform";
import type { DeclarationInput } from "@/lib/sources/schemas";

// Links minted in batches: every request that arrives within BATCH_MS for the same sender and campaign goes in
// one POST /links (the platform takes 100 000 a call), and while a call is in flight the next batch keeps
// growing until it returns (one call at a time per campaign: under load the batches grow instead of the calls,
// which the platform's per-key rate limit would stall). A link already minted for the same number, sender
// and campaign is reused from memory (the platform would answer the same one: minting is idempotent).

const BATCH_MS = 5;
const MAX_BATCH = 10_000;
const REMEMBERED = 200_000;

interface Waiting {
  declaration: DeclarationInput | undefined;
  phones: Map<string, { resolve: (url: string) => void; reject: (error: unknown) => void }[]>;
  timer: NodeJS.Timeout;
}

export class LinkMinter {
  private readonly minted = new Map<string, string>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly inFlight = new Set<string>();
  constructor(
    private readonly platform: GatePlatform,
    private readonly onCall: () => void = () => undefined,
  ) {}

  link(sender: string, campaign: string, phone: string, declaration?: DeclarationInput): Promise<string> {
    const known = this.minted.get(`${sender}\t${campaign}\t${phone}`);
    if (known) return Promise.resolve(known);
    const batchKey = `${sender}\t${campaign}`;
    let batch = this.waiting.get(batchKey);
    if (!batch) {
      batch = { declaration, phones: new Map(), timer: setTimeout(() => this.flush(sender, campaign), BATCH_MS) };
      this.waiting.set(batchKey, batch);
    }
    const promise = new Promise<string>((resolve, reject) => {
      const list = batch.phones.get(phone) ?? [];
      list.push({ resolve, reject });
      batch.phones.set(phone, list);
    });
    if (batch.phones.size >= MAX_BATCH) {
      clearTimeout(batch.timer);
      void this.flush(sender, campaign);
    }
    return promise;
  }

  private async flush(sender: string, campaign: string): Promise<void> {
    const batchKey = `${sender}\t${campaign}`;
    const batch = this.waiting.get(batchKey);
    if (!batch || this.inFlight.has(batchKey)) return;
    this.waiting.delete(batchKey);
    this.inFlight.add(batchKey);
    this.onCall();
    try {
      const links = await this.platform.mintLinks(sender, campaign, [...batch.phones.keys()], batch.declaration);
      for (const [phone, waiters] of batch.phones) {
        const url = links.get(phone);
        if (url) boundedSet(this.minted, `${sender}\t${campaign}\t${phone}`, url, REMEMBERED);
        for (const waiter of waiters)
          if (url) waiter.resolve(url);
          else waiter.reject(new Error(`no link minted for ${phone}`));
      }
    } catch (error) {
      for (const waiters of batch.phones.values()) for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.inFlight.delete(batchKey);
      const next = this.waiting.get(batchKey);
      if (next) {
        clearTimeout(next.timer);
        void this.flush(sender, campaign);
      }
    }
  }
}
