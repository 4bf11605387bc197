"use client";
// The list's filters: a plain GET form, so every filtered view is a URL to bookmark or share.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { APPLICATION_OUTCOMES, APPLICATION_SORTS, ASSEMBLY_FORMS, STATUSES } from "@/lib/domain/vocabulary";
import type { ApplicationFilters as Filters } from "@/lib/validation/applications";
import type { FilterOptions } from "@/lib/data/applications";
import { FilterSelect, filterControl } from "@/components/ui/FilterSelect";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";

/** The filters behind the "Filters" button (search and sort stay in sight). */
const FOLDED = ["year", "city", "authority", "group", "form", "outcome", "ground", "status", "visibility"] as const;

export function ApplicationFilters({ filters, options, showVisibility }: { filters: Filters; options: FilterOptions; showVisibility: boolean }) {
  const t = useTranslations("applications.list");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const tp = useTranslations("phone");
  const all = tc("all");
  const chosen = FOLDED.filter((k) => filters[k] !== undefined && filters[k] !== "").length;
  return (
    <form method="get" action="/applications" role="search" aria-label={t("filters")} className="mb-6 rounded-lg border border-stone-200 bg-white p-3 sm:p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className="block text-xs font-medium text-stone-700">
            {t("search")}
          </label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className={filterControl} />
        </div>
        <div>
          <label htmlFor="f-sort" className="block text-xs font-medium text-stone-700">
            {t("sort")}
          </label>
          <select id="f-sort" name="sort" defaultValue={filters.sort} className={filterControl}>
            {APPLICATION_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* On a phone the nine filters fold behind one button that says how many are chosen (globals.css, .fold). */}
      <details className="fold mt-3" data-testid="list-filters">
        <summary className="inline-flex cursor-pointer list-none items-center gap-2 rounded-md border border-stone-300 px-3 py-1.5 text-sm text-stone-800 [&::-webkit-details-marker]:hidden">
          {tp("filters")} <span className="text-stone-600">· {tp("filtersActive", { count: chosen })}</span>
        </summary>
        <div className="mt-3 grid gap-3 sm:mt-0 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect name="year" label={t("year")} value={filters.year} all={all} options={options.years.map((y) => ({ value: String(y), label: String(y) }))} />
          <FilterSelect name="city" label={t("city")} value={filters.city} all={all} options={options.cities.map((c) => ({ value: c, label: c }))} />
          <FilterSelect
            name="authority"
            label={t("authority")}
            value={filters.authority}
            all={all}
            options={options.authorities.map((a) => ({ value: a.id, label: `${localized(a, "name", locale)}${a.city ? ` (${a.city})` : ""}` }))}
          />
          <FilterSelect name="group" label={t("group")} value={filters.group} all={all} options={options.groups.map((g) => ({ value: g.id, label: g.name }))} />
          <FilterSelect name="form" label={t("form")} value={filters.form} all={all} options={ASSEMBLY_FORMS.map((f) => ({ value: f, label: tv(`form.${f}`) }))} />
          <FilterSelect name="outcome" label={t("outcome")} value={filters.outcome} all={all} options={APPLICATION_OUTCOMES.map((o) => ({ value: o, label: tv(`partOutcome.${o}`) }))} />
          <FilterSelect name="ground" label={t("ground")} value={filters.ground} all={all} options={options.grounds.map((g) => ({ value: g.code, label: localized(g, "label", locale) }))} />
          <FilterSelect name="status" label={t("status")} value={filters.status} all={all} options={STATUSES.map((s) => ({ value: s, label: tv(`status.${s}`) }))} />
          {showVisibility ? (
            <FilterSelect
              name="visibility"
              label={t("visibility")}
              value={filters.visibility}
              all={all}
              options={[
                { value: "public", label: tc("public") },
                { value: "private", label: tc("private") },
              ]}
            />
          ) : null}
        </div>
      </details>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {tc("filter")}
        </button>
        <Link href="/applications" className="text-sm">
          {tc("clearFilters")}
        </Link>
      </div>
    </form>
  );
}
