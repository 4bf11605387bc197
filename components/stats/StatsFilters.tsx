import { getLocale, getTranslations } from "next-intl/server";
import { SelectField } from "@/components/ui/Field";
import { secondaryLink } from "@/components/ui/PageHeader";
import { ASSEMBLY_FORMS } from "@/lib/domain/vocabulary";
import type { StatsFilters as Filters } from "@/lib/validation/stats";
import { localized } from "@/lib/i18n/localized";

export interface FilterOptions {
  cities: string[];
  authorities: { id: string; name: string; nameRu: string }[];
  groups: { id: string; name: string }[];
  years: string[];
}

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be linked and
 * works without JavaScript.
 */
export async function StatsFilters({ options, values, errors }: { options: FilterOptions; values: Partial<Record<keyof Filters, string>>; errors?: Record<string, string[]> }) {
  const [t, tc, vocab, locale] = await Promise.all([getTranslations("stats"), getTranslations("common"), getTranslations("vocab"), getLocale()]);
  const years = options.years.map((y) => ({ value: y, label: y }));
  const any = t("filter.any");
  return (
    <form method="get" action="/stats" className="mb-6 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="stats-filters-title">
      <h2 id="stats-filters-title" className="mb-3 text-base font-semibold">
        {t("filter.title")}
      </h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <SelectField name="yearFrom" label={t("filter.yearFrom")} options={years} placeholder={any} defaultValue={values.yearFrom ?? ""} errors={errors} />
        <SelectField name="yearTo" label={t("filter.yearTo")} options={years} placeholder={any} defaultValue={values.yearTo ?? ""} errors={errors} />
        <SelectField name="city" label={t("filter.city")} options={options.cities.map((c) => ({ value: c, label: c }))} placeholder={any} defaultValue={values.city ?? ""} errors={errors} />
        <SelectField
          name="authority"
          label={t("filter.authority")}
          options={options.authorities.map((a) => ({ value: a.id, label: localized(a, "name", locale) }))}
          placeholder={any}
          defaultValue={values.authority ?? ""}
          errors={errors}
        />
        <SelectField name="group" label={t("filter.group")} options={options.groups.map((g) => ({ value: g.id, label: g.name }))} placeholder={any} defaultValue={values.group ?? ""} errors={errors} />
        <SelectField name="form" label={t("filter.form")} options={ASSEMBLY_FORMS.map((f) => ({ value: f, label: vocab(`form.${f}`) }))} placeholder={any} defaultValue={values.form ?? ""} errors={errors} />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("filter.apply")}
        </button>
        <a href="/stats" className={secondaryLink}>
          {tc("clearFilters")}
        </a>
      </div>
    </form>
  );
}
