// "[source]" links after a record: each goes to the quoted sentence in its source document.
import { useTranslations } from "next-intl";

export interface CitationRef {
  id: string;
  recordId: string;
  quote: string;
  source: { slug: string; title: string };
}

export function SourceLinks({ citations, recordId }: { citations: CitationRef[]; recordId: string }) {
  const t = useTranslations("incidents.sources");
  const mine = citations.filter((c) => c.recordId === recordId);
  if (mine.length === 0) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-x-1 align-baseline text-xs">
      {mine.map((c, i) => (
        <a key={c.id} href={`/sources/${c.source.slug}#c-${c.id}`} title={`${c.source.title}: “${c.quote}”`}>
          [{t("link")}
          {mine.length > 1 ? ` ${i + 1}` : ""}]
        </a>
      ))}
    </span>
  );
}
