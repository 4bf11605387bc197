// A map bounded by total size (and optionally by count), least recently used dropped first:
// the page cache's rendered pages (lib/page-cache/store.ts) and the server's compressed copies
// (lib/http/compressed-copies.ts). A value larger than the whole bound is not kept, and drops
// nothing to make room.

export class BoundedLru<V> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private readonly sizeOf: (value: V) => number;

  constructor(opts: { maxBytes: number; maxEntries?: number; sizeOf: (value: V) => number }) {
    this.maxBytes = opts.maxBytes;
    this.maxEntries = opts.maxEntries ?? Infinity;
    this.sizeOf = opts.sizeOf;
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.bytes -= this.sizeOf(old);
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
