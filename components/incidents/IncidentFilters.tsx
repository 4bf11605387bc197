// Filters and text search as a plain GET form: the URL holds them.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { INCIDENT_KINDS } from "@/lib/domain/vocabulary";

const control = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";

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
        <input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="f-kind" className="block text-sm font-medium">{t("kind")}</label>
        <select id="f-kind" name="kind" defaultValue={values.kind ?? ""} className={control}>
          <option value="">{tc("all")}</option>
          {INCIDENT_KINDS.map((k) => (
            <option key={k} value={k}>{tv(k)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-year" className="block text-sm font-medium">{t("year")}</label>
        <select id="f-year" name="year" defaultValue={values.year ?? ""} className={control}>
          <option value="">{tc("all")}</option>
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-city" className="block text-sm font-medium">{t("city")}</label>
        <select id="f-city" name="city" defaultValue={values.city ?? ""} className={control}>
          <option value="">{tc("all")}</option>
          {cities.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-group" className="block text-sm font-medium">{t("group")}</label>
        <select id="f-group" name="group" defaultValue={values.group ?? ""} className={control}>
          <option value="">{tc("all")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>{g.name}</option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{tc("filter")}</button>
        <Link href="/incidents" className="text-sm">{tc("clearFilters")}</Link>
      </div>
    </form>
  );
}
