import { FIGURES_ONLY_MARKER, STALE_MARKER } from "@/lib/page-cache/html";

/**
 * Marks a page showing figures one background recompute old (lib/data/background-cache): the
 * anonymous page cache keeps such a page only until that recompute ends, so the next visitor
 * gets the exact figures as soon as they are computed, not at the next write.
 *
 * `figuresOnly`: everything else on the page is the same whatever the data (the statistics: their
 * counts, filter options and labels, and no words quoted from the records: lib/domain/stats
 * countsOnly). After a write the cache may then answer with the copy it has while it renders the
 * next one, since a render right after a write would show the same figures (the write's recompute
 * has not ended yet).
 */
export function StaleMarker({ exact, figuresOnly = false }: { exact: boolean; figuresOnly?: boolean }) {
  if (exact && !figuresOnly) return null;
  return <span hidden {...(exact ? {} : { [STALE_MARKER]: "" })} {...(figuresOnly ? { [FIGURES_ONLY_MARKER]: "" } : {})} />;
}
