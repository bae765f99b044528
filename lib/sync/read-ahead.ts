import "server-only";

// Bounded: at most this many pages (~5 MB each at 50 000 entries) wait in memory, each at most a minute.
const MAX_PENDING = 8;
const TTL_MS = 60_000;

interface Pending<T> {
  value: Promise<T>;
  timer: NodeJS.Timeout;
}

/**
 * One-shot results computed ahead of the request that will want them (the next snapshot page while the
 * provider is still reading this one). A result is handed out once, then forgotten.
 */
export class ReadAhead<T> {
  private readonly pending = new Map<string, Pending<T>>();

  start(key: string, compute: () => Promise<T>): void {
    if (this.pending.has(key) || this.pending.size >= MAX_PENDING) return;
    const value = compute();
    value.catch(() => undefined); // a failed read-ahead is simply computed again on request
    const timer = setTimeout(() => this.pending.delete(key), TTL_MS);
    timer.unref();
    this.pending.set(key, { value, timer });
  }

  take(key: string): Promise<T> | undefined {
    const found = this.pending.get(key);
    if (!found) return undefined;
    clearTimeout(found.timer);
    this.pending.delete(key);
    return found.value;
  }
}
