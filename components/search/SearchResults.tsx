import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SearchHit } from "@/lib/data/search";
import { Highlighted } from "./Highlighted";

export function SearchResults({ items }: { items: readonly SearchHit[] }) {
  const t = useTranslations("search");
  return (
    <ol className="space-y-3" aria-label={t("page.results_list")} data-testid="search-results">
      {items.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`} className="rounded-lg border border-stone-200 bg-white p-4" data-kind={hit.kind}>
          <p className="text-xs uppercase tracking-wide text-stone-500">
            {t(`kind.${hit.kind}`)}
            {hit.year ? ` · ${hit.year}` : ""}
          </p>
          <Link href={hit.href} className="font-medium">
            <Highlighted runs={hit.title} />
          </Link>
          {hit.snippet ? (
            <p className="mt-1 text-sm text-stone-700">
              <Highlighted runs={hit.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
