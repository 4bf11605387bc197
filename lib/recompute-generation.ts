// How many background recomputes (lib/data/background-cache.ts) this process has ended. The
// anonymous page cache (lib/page-cache) keeps a page that shows figures a recompute old
// (components/perf/StaleMarker) only until this number moves: the next visitor then gets the page
// rendered with the new figures, and until then every visitor gets the one copy instead of a
// render each. Kept on globalThis because the proxy, which holds the page cache, is bundled apart
// from the pages and would otherwise count in a copy of this module of its own.
const KEY = Symbol.for("tracker.recomputeGeneration");
const store = globalThis as { [KEY]?: number };

export function recomputeGeneration(): number {
  return store[KEY] ?? 0;
}

/**
 * Called once a recompute's figures are in place (never before: a page rendered after this call
 * shows them), or once it failed (a page rendered after this call reads again, and so retries it).
 */
export function recomputeEnded(): void {
  store[KEY] = recomputeGeneration() + 1;
}

/**
 * The least time between two recomputes of one background figure (lib/data/background-cache.ts),
 * and between two renders of a page showing them that would show the same figures
 * (lib/page-cache/serve.ts): with a write a second, each would otherwise run every second.
 */
export const RECOMPUTE_PACE_MS = 3_000;
