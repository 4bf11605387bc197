import type { SnippetRun } from "@/lib/domain/search-terms";

/** Text with the searched words in <mark>: each run is a React text node, so nothing typed into a record is parsed as markup. */
export function Highlighted({ runs }: { runs: readonly SnippetRun[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.mark ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {r.text}
          </mark>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}
