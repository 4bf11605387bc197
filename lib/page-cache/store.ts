// The anonymous page cache: rendered pages by key (lib/page-cache/policy.ts), each kept with
// the data version it was rendered at. An entry is served only while the version is still the
// same, so the first request after any committed write (in any instance) renders afresh. A page
// showing figures a recompute old is also tied to the recompute generation it was rendered at
// (lib/recompute-generation): the first request after that recompute ends renders it again.
// Concurrent misses for one key share one render.
import { BoundedLru } from "../bounded-lru";
import type { CacheablePage } from "./html";

export interface CachedPage extends CacheablePage {
  version: string;
  /** Response headers of the render worth repeating (content-type, vary…). */
  headers: [string, string][];
  etag: string;
  /** The render's status: a 200 is kept for the next visitors; a 404 (a record a visitor may not see) is served to the visitor who asked only. */
  status: number;
  /** For a page with figures a recompute old: the recompute generation it was rendered at. */
  generation?: number;
  /** The recompute generation and the time it was rendered at, and whether a render to replace it is under way. */
  renderedGeneration?: number;
  renderedAt?: number;
  refreshing?: boolean;
  /** The HTML as UTF-8, and the response headers per scheme, made once at the first answer. */
  body?: Uint8Array;
  answerHeaders?: { http?: [string, string][]; https?: [string, string][] };
}

export class PageCache {
  private readonly entries: BoundedLru<CachedPage>;
  private pending = new Map<string, { version: string; promise: Promise<CachedPage | null> }>();
  constructor(maxEntries = 500, maxBytes = 64 * 1024 * 1024) {
    this.entries = new BoundedLru<CachedPage>({ maxEntries, maxBytes, sizeOf: (page) => page.html.length });
  }

  /**
   * The page kept for `key`, if it is still current (`current`), or — for a page of background
   * figures only (CacheablePage.figuresOnly) — its last copy, to answer while the next renders.
   */
  get(key: string, version: string, generation: number): { page: CachedPage; current: boolean } | null {
    // Least recently used goes first.
    const hit = this.entries.get(key);
    if (!hit) return null;
    const current = hit.version === version && (hit.generation === undefined || hit.generation === generation);
    if (!current && !hit.figuresOnly) {
      this.entries.delete(key);
      return null;
    }
    return { page: hit, current };
  }

  /** The page for `key` at `version`, rendering it once however many ask at the same time. */
  async fill(key: string, version: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
    const inFlight = this.pending.get(key);
    if (inFlight && inFlight.version === version) return inFlight.promise;
    const promise = render().then((page) => {
      if (page && page.status === 200 && page.version === version) this.entries.set(key, page);
      return page;
    });
    this.pending.set(key, { version, promise });
    try {
      return await promise;
    } finally {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
    }
  }

  /** Forgets the page kept for `key`. */
  drop(key: string) {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size.entries;
  }

  clear() {
    this.entries.clear();
  }
}
