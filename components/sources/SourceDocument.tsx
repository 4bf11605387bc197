import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SourceData } from "@/lib/data/sources";
import { highlightQuotes } from "@/lib/domain/highlight";
import { DateText } from "@/components/ui/DateText";

/** The document's text with every sentence the record rests on highlighted and anchored. */
export function SourceDocument({ source }: { source: SourceData }) {
  const t = useTranslations("sources");
  const runs = highlightQuotes(source.text, source.citations);
  const anchored = new Set<string>();
  return (
    <article className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <Link href="/sources" className="text-sm">← {t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold">{source.title}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {source.publisher ? `${source.publisher} · ` : ""}
          <DateText value={source.publishedOn} precision={source.publishedOnPrecision} />
          {source.url ? (
            <>
              {" · "}
              <a href={source.url} rel="noopener noreferrer nofollow">{t("original")}</a>
            </>
          ) : null}
        </p>
        <div className="mt-4 whitespace-pre-line rounded-lg border border-stone-200 bg-white p-4 leading-relaxed sm:p-6">
          {runs.map((r, i) => {
            if (r.citationIds.length === 0) return <span key={i}>{r.text}</span>;
            const first = r.citationIds.find((id) => !anchored.has(id));
            if (first) anchored.add(first);
            return (
              <mark key={i} id={first ? `c-${first}` : undefined} className="rounded bg-amber-100 px-0.5 target:bg-amber-300" title={t("takenFrom")}>
                {r.text}
              </mark>
            );
          })}
        </div>
      </div>
      <aside aria-label={t("takenFrom")}>
        <h2 className="text-lg font-semibold">{t("takenFrom")}</h2>
        <ol className="mt-3 space-y-3 text-sm">
          {source.citations.map((c) => (
            <li key={c.id} className="rounded border border-stone-200 bg-white p-3">
              <a href={`#c-${c.id}`} className="block text-stone-800 no-underline hover:underline">“{c.quote.length > 160 ? `${c.quote.slice(0, 160)}…` : c.quote}”</a>
              <p className="mt-1 text-xs text-stone-600">
                {t("supports")}: {t.has(`record.${c.recordType}`) ? t(`record.${c.recordType}`) : c.recordType}
                {c.link.href ? (
                  <>
                    {" — "}
                    <Link href={c.link.href}>{c.link.caseTitle}</Link>
                  </>
                ) : null}
              </p>
              {c.note ? <p className="mt-1 text-xs text-stone-500">{c.note}</p> : null}
            </li>
          ))}
        </ol>
      </aside>
    </article>
  );
}
