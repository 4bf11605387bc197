import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localizedText } from "@/lib/i18n/localized";
import type { SourceData } from "@/lib/data/sources";
import { highlightQuotes } from "@/lib/domain/highlight";
import { DateText } from "@/components/ui/DateText";
import { Localized } from "@/components/i18n/Localized";

/** The document's text with every sentence the record rests on highlighted and anchored. */
export function SourceDocument({ source }: { source: SourceData }) {
  const t = useTranslations("sources");
  const runs = highlightQuotes(source.text, source.citations);
  const anchored = new Set<string>();
  return (
    <article className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <Link href="/sources" className="text-sm">← {t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold">
          <Localized record={source} field="title" />
        </h1>
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
        <OriginalLanguage source={source} />
        <div lang={source.language || undefined} className="mt-4 whitespace-pre-line rounded-lg border border-stone-200 bg-white p-4 leading-relaxed sm:p-6">
          {runs.map((r, i) => {
            if (r.citationIds.length === 0) return <span key={i}>{r.text}</span>;
            // Every citation gets an anchor where its quote starts, so a case page can link to any of them.
            const fresh = r.citationIds.filter((id) => !anchored.has(id));
            fresh.forEach((id) => anchored.add(id));
            return (
              <mark key={i} className="rounded bg-amber-100 px-0.5" title={t("takenFrom")}>
                {fresh.map((id) => (
                  <span key={id} id={`c-${id}`} className="scroll-mt-24" />
                ))}
                {r.text}
              </mark>
            );
          })}
        </div>
      </div>
      <aside aria-label={t("takenFrom")}>
        <h2 className="text-lg font-semibold">{t("takenFrom")}</h2>
        <ol className="mt-3 space-y-3 text-sm">
          {groupByQuote(source.citations).map((g) => (
            <li key={g.anchor} className="rounded border border-stone-200 bg-white p-3">
              <a href={`#c-${g.anchor}`} className="block text-stone-800 no-underline hover:underline">“{g.quote.length > 160 ? `${g.quote.slice(0, 160)}…` : g.quote}”</a>
              <ul className="mt-1 space-y-0.5 text-xs text-stone-600">
                {g.citations.map((c) => (
                  <li key={c.id}>
                    {t("supports")}: {t.has(`record.${c.recordType}`) ? t(`record.${c.recordType}`) : c.recordType}
                    {c.link.href ? (
                      <>
                        {" — "}
                        <Link href={c.link.href}>{c.link.caseTitle}</Link>
                      </>
                    ) : null}
                    {c.note ? (
                      <span className="block text-stone-500">
                        <Localized record={c} field="note" mark={false} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </aside>
    </article>
  );
}

/** One entry per quoted sentence, listing every record that rests on it. */
function groupByQuote(citations: SourceData["citations"]) {
  const groups = new Map<string, { quote: string; anchor: string; citations: SourceData["citations"] }>();
  for (const c of citations) {
    const g = groups.get(c.quote);
    if (g) g.citations.push(c);
    else groups.set(c.quote, { quote: c.quote, anchor: c.id, citations: [c] });
  }
  return [...groups.values()];
}

/** The document is shown as published: says in which language, and that it is not translated. */
function OriginalLanguage({ source }: { source: { title: string; titleRu?: string; titleKk?: string; language: string } }) {
  const locale = useLocale();
  const tl = useTranslations("translations.source");
  const language = source.language ? (new Intl.DisplayNames([locale], { type: "language" }).of(source.language) ?? source.language) : "";
  const { translated } = localizedText(source, "title", locale);
  return (
    <div className="mt-2 space-y-1 text-sm text-stone-700" data-original-language={source.language}>
      {translated ? (
        <p>{tl.rich("originalTitle", { title: source.title, original: (chunks) => <span lang={source.language || undefined}>{chunks}</span> })}</p>
      ) : null}
      {language ? <p>{tl("original", { language })}</p> : null}
    </div>
  );
}
