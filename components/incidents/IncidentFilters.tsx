// Filters and text search as a plain GET form: the URL holds them.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { INCIDENT_KINDS } from "@/lib/domain/vocabulary";
import { FilterSelect, filterControl } from "@/components/ui/FilterSelect";

interface Props {
  values: Record<string, string>;
  years: string[];
  cities: string[];
  groups: { id: string; name: string }[];
}

export function IncidentFilters({ values, years, cities, groups }: Props) {
  const t = useTranslations("incidents.list");
  const tv = useTranslations("vocab.incidentKind");
  const tc = useTranslations("common");
  return (
    <form method="get" action="/incidents" role="search" aria-label={tc("filter")} className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="f-q" className="block text-sm font-medium">{tc("search")}</label>
        <input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} className={filterControl} />
      </div>
      <FilterSelect name="kind" label={t("kind")} value={values.kind} all={tc("all")} options={INCIDENT_KINDS.map((k) => ({ value: k, label: tv(k) }))} />
      <FilterSelect name="year" label={t("year")} value={values.year} all={tc("all")} options={years.map((y) => ({ value: y, label: y }))} />
      <FilterSelect name="city" label={t("city")} value={values.city} all={tc("all")} options={cities.map((c) => ({ value: c, label: c }))} />
      <FilterSelect name="group" label={t("group")} value={values.group} all={tc("all")} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{tc("filter")}</button>
        <Link href="/incidents" className="text-sm">{tc("clearFilters")}</Link>
      </div>
    </form>
  );
}
