import { getTranslations } from "next-intl/server";

/** The header's search box: a plain GET form to /search (a search is not a secret), no JavaScript needed. */
export async function HeaderSearch() {
  const t = await getTranslations("search.header");
  return (
    <form action="/search" method="get" role="search" aria-label={t("label")} className="order-last flex w-full items-center gap-1 text-sm sm:order-none sm:w-auto" data-testid="header-search">
      <label htmlFor="header-search-q" className="sr-only">
        {t("label")}
      </label>
      <input
        id="header-search-q"
        name="q"
        type="search"
        maxLength={200}
        placeholder={t("placeholder")}
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 sm:w-44 sm:flex-none"
      />
      <button type="submit" className="rounded-md border border-stone-300 bg-stone-50 px-2 py-1 text-stone-800 hover:bg-stone-100">
        {t("submit")}
      </button>
    </form>
  );
}
