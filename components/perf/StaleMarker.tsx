import { STALE_MARKER } from "@/lib/page-cache/html";

/**
 * Marks a page showing figures one background recompute old (lib/data/background-cache): the
 * anonymous page cache never keeps such a page, so the next visitor gets the exact figures
 * as soon as they are computed, not at the next write.
 */
export function StaleMarker({ exact }: { exact: boolean }) {
  return exact ? null : <span hidden {...{ [STALE_MARKER]: "" }} />;
}
