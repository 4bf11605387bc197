// The sources a fact rests on: small links beside each record, and the full list at the end.
import { useTranslations } from "next-intl";
import { DateText } from "@/components/ui/DateText";
import type { CaseData } from "@/lib/data/cases";

type Citation = CaseData["citations"][number];

export const citationHref = (c: Pick<Citation, "id" | "source">) => `/sources/${c.source.slug}#c-${c.id}`;

/** "source 1 · source 2" after a record; the quoted sentence is the link's title. */
export function CitationLinks({ citations, recordId }: { citations: Citation[]; recordId: string }) {
  const t = useTranslations("cases.sources");
  const mine = citations.filter((c) => c.recordId === recordId);
  if (mine.length === 0) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-x-1 align-baseline text-xs" data-citations={recordId}>
      {mine.map((c, i) => (
        <a key={c.id} href={citationHref(c)} title={`${c.source.title}: “${c.quote}”`} className="text-brand-700">
          [{t("link")}
          {mine.length > 1 ? ` ${i + 1}` : ""}]
        </a>
      ))}
    </span>
  );
}

/** Every source the case cites, each with the sentences taken from it. */
export function SourcesList({ citations }: { citations: Citation[] }) {
  const t = useTranslations("cases.sources");
  if (citations.length === 0) return null;
  const bySource = new Map<string, { source: Citation["source"]; items: Citation[] }>();
  for (const c of citations) {
    const entry = bySource.get(c.source.id) ?? { source: c.source, items: [] };
    // Several records often rest on one sentence: list the sentence once.
    if (!entry.items.some((i) => i.quote === c.quote)) entry.items.push(c);
    bySource.set(c.source.id, entry);
  }
  return (
    <section id="sources" aria-labelledby="sources-title" className="card">
      <h2 id="sources-title" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      <ol className="space-y-3">
        {[...bySource.values()].map(({ source, items }) => (
          <li key={source.id} className="text-sm">
            <a href={`/sources/${source.slug}`} className="font-medium">
              {source.title}
            </a>
            <span className="text-stone-600">
              {source.publisher ? ` · ${source.publisher}` : ""}
              {source.publishedOn ? (
                <>
                  {" · "}
                  <DateText value={source.publishedOn} precision={source.publishedOnPrecision} />
                </>
              ) : null}
            </span>
            {source.url ? (
              <>
                {" · "}
                <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
                  {t("original")}
                </a>
              </>
            ) : null}
            <ul className="mt-1 space-y-1 border-l-2 border-stone-200 pl-3">
              {items.map((c) => (
                <li key={c.id}>
                  <a href={citationHref(c)} className="text-stone-800 no-underline hover:underline">
                    “{c.quote.length > 240 ? `${c.quote.slice(0, 240)}…` : c.quote}”
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
