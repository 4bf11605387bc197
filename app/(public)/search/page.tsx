import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { searchRecords, searchYears } from "@/lib/data/search";
import { readSearchQuery, SEARCH_KINDS } from "@/lib/validation/search";
import { PageHeader } from "@/components/ui/PageHeader";
import { FilterSelect, filterControl } from "@/components/ui/FilterSelect";
import { Pagination } from "@/components/ui/Pagination";
import { SearchResults } from "@/components/search/SearchResults";
import type { Locale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search.page");
  return { title: t("title") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = readSearchQuery(await searchParams);
  const [t, tk, actor, locale] = await Promise.all([getTranslations("search.page"), getTranslations("search.kind"), getActor(), getLocale()]);
  const [result, years] = await Promise.all([searchRecords(actor, query, locale as Locale), searchYears(actor)]);
  const params: Record<string, string> = { q: query.q, ...(query.kind ? { kind: query.kind } : {}), ...(query.year ? { year: String(query.year) } : {}) };
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form action="/search" method="get" role="search" className="mb-6 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="search-q" className="block text-sm font-medium text-stone-800">
            {t("query")}
          </label>
          <input id="search-q" name="q" type="search" maxLength={200} defaultValue={query.q} className={filterControl} />
        </div>
        <FilterSelect name="kind" label={t("kind")} value={query.kind ?? undefined} all={t("allKinds")} options={SEARCH_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
        <FilterSelect name="year" label={t("year")} value={query.year ?? undefined} all={t("allYears")} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("submit")}
        </button>
      </form>
      {!query.q.trim() ? (
        <p className="text-stone-600">{t("prompt")}</p>
      ) : result.total === 0 ? (
        <p className="text-stone-600" role="status">
          {t("none", { q: result.q })}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-600" role="status" data-testid="search-total">
            {t("results", { total: result.total })}
          </p>
          <SearchResults items={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={params} basePath="/search" />
        </>
      )}
    </>
  );
}
