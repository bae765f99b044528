import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { GatePlatform, GateSender } from "./platform";
import { SuppressionIndex } from "./suppression-index";

// The gate's copy of the provider's suppression list: loaded from its state directory (a restart) or through
// the snapshot files (a first start), then kept current from the change feed, each page acknowledged once
// applied (POST /suppressions/ack). `fresh` is false once the last successful catch-up is older than the
// staleness bound: the gate then holds commercial messages (fail closed) until the feed answers again.

const SAVE_EVERY_MS = 5 * 60_000;

interface SavedState {
  version: 1;
  next: number;
  synced_at: number;
  /** The senders and their SMS ids: a restart with the platform down still knows which ids may leave. */
  senders: GateSender[];
}

export class ListKeeper {
  index = new SuppressionIndex();
  private senders: GateSender[] = [];
  /** The senders by registered SMS id (`source_addr`), rebuilt only when the senders change. */
  senderBySmsId = new Map<string, string>();
  next = 0;
  syncedAt = 0;
  private savedAt = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private loaded = false;
  lastError: string | null = null;

  constructor(
    private readonly platform: GatePlatform,
    private readonly stateDir: string,
    private readonly maxStalenessMs: number,
    private readonly onChange: (event: "synced" | "failed", detail?: string) => void = () => undefined,
  ) {}

  private useSenders(senders: GateSender[]): void {
    this.senders = senders;
    this.senderBySmsId = new Map(senders.flatMap((s) => s.sms_ids.map((id) => [id, s.code] as const)));
  }

  fresh(now = Date.now()): boolean {
    return this.syncedAt > 0 && now - this.syncedAt <= this.maxStalenessMs;
  }

  /**
   * The list from the state directory if one was kept, else the snapshot files (tried again with each read
   * of the feed while the platform cannot be reached: until then nothing commercial leaves); then the feed.
   */
  async start(feedMs: number): Promise<void> {
    await mkdir(this.stateDir, { recursive: true });
    this.loaded = await this.restore();
    await this.catchUp().catch((error) => this.failed(error));
    this.timer = setInterval(() => void this.catchUp().catch((error) => this.failed(error)), feedMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    if (this.dirty) await this.save();
  }

  /** Reads the feed to its end, applying and acknowledging each page; refreshes the senders. */
  catchUp(): Promise<void> {
    this.running ??= (async () => {
      try {
        if (!this.loaded) {
          await this.loadSnapshot();
          this.loaded = true;
        }
        const senders = await this.platform.senders();
        if (JSON.stringify(senders) !== JSON.stringify(this.senders)) {
          this.dirty = true;
          this.useSenders(senders);
        }
        let more = true;
        while (more) {
          const page = await this.platform.changes(this.next);
          for (const change of page.changes) this.index.apply(change);
          if (page.changes.length > 0) {
            this.dirty = true;
            await this.platform.acknowledge(page.next);
          }
          this.next = page.next;
          more = page.more;
        }
        this.syncedAt = Date.now();
        this.lastError = null;
        this.onChange("synced");
        if (this.dirty && Date.now() - this.savedAt > SAVE_EVERY_MS) await this.save();
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private failed(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    this.onChange("failed", this.lastError);
  }

  private async loadSnapshot(): Promise<void> {
    const builder = SuppressionIndex.builder();
    const loaded = await this.platform.loadSnapshot((file) => builder.add(file));
    // No snapshot files yet (a new platform): the feed from 0 gives the whole list.
    this.index = builder.build();
    this.next = loaded?.at ?? 0;
    this.dirty = true;
  }

  private async restore(): Promise<boolean> {
    try {
      const state = JSON.parse(await readFile(path.join(this.stateDir, "state.json"), "utf8")) as SavedState;
      this.index = await SuppressionIndex.load(path.join(this.stateDir, "index.bin"));
      this.next = state.next;
      this.syncedAt = state.synced_at;
      this.useSenders(state.senders ?? []);
      return true;
    } catch {
      return false;
    }
  }

  /** The list first, then the cursor, each through a rename: a crash never leaves a cursor ahead of its list. */
  async save(): Promise<void> {
    await this.index.save(path.join(this.stateDir, "index.bin"));
    const state: SavedState = { version: 1, next: this.next, synced_at: this.syncedAt, senders: this.senders };
    await writeFile(path.join(this.stateDir, "state.json.tmp"), JSON.stringify(state));
    await rename(path.join(this.stateDir, "state.json.tmp"), path.join(this.stateDir, "state.json"));
    this.savedAt = Date.now();
    this.dirty = false;
  }
}
