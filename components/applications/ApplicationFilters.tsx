// The list's filters: a plain GET form, so every filtered view is a URL to bookmark or share.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { APPLICATION_OUTCOMES, ASSEMBLY_FORMS, STATUSES } from "@/lib/domain/vocabulary";
import { APPLICATION_SORTS, type ApplicationFilters as Filters } from "@/lib/validation/applications";
import type { FilterOptions } from "@/lib/data/applications";

const control = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

function Select({ name, label, value, options, all }: { name: string; label: string; value: string | number | undefined; options: { value: string; label: string }[]; all: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-stone-700">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)} className={control}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ApplicationFilters({ filters, options, showVisibility }: { filters: Filters; options: FilterOptions; showVisibility: boolean }) {
  const t = useTranslations("applications.list");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  const ru = useLocale() === "ru";
  const all = tc("all");
  return (
    <form method="get" action="/applications" role="search" aria-label={t("filters")} className="mb-6 rounded-lg border border-stone-200 bg-white p-3 sm:p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className="block text-xs font-medium text-stone-700">
            {t("search")}
          </label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className={control} />
        </div>
        <Select name="year" label={t("year")} value={filters.year} all={all} options={options.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Select name="city" label={t("city")} value={filters.city} all={all} options={options.cities.map((c) => ({ value: c, label: c }))} />
        <Select
          name="authority"
          label={t("authority")}
          value={filters.authority}
          all={all}
          options={options.authorities.map((a) => ({ value: a.id, label: `${ru && a.nameRu ? a.nameRu : a.name}${a.city ? ` (${a.city})` : ""}` }))}
        />
        <Select name="group" label={t("group")} value={filters.group} all={all} options={options.groups.map((g) => ({ value: g.id, label: g.name }))} />
        <Select name="form" label={t("form")} value={filters.form} all={all} options={ASSEMBLY_FORMS.map((f) => ({ value: f, label: tv(`form.${f}`) }))} />
        <Select name="outcome" label={t("outcome")} value={filters.outcome} all={all} options={APPLICATION_OUTCOMES.map((o) => ({ value: o, label: tv(`partOutcome.${o}`) }))} />
        <Select name="ground" label={t("ground")} value={filters.ground} all={all} options={options.grounds.map((g) => ({ value: g.code, label: ru ? g.labelRu : g.labelEn }))} />
        <Select name="status" label={t("status")} value={filters.status} all={all} options={STATUSES.map((s) => ({ value: s, label: tv(`status.${s}`) }))} />
        {showVisibility ? (
          <Select
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
        <div>
          <label htmlFor="f-sort" className="block text-xs font-medium text-stone-700">
            {t("sort")}
          </label>
          <select id="f-sort" name="sort" defaultValue={filters.sort} className={control}>
            {APPLICATION_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
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
