// Filters as a plain GET form: the URL holds them, so a filtered list can be shared.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { APPEAL_KINDS, RULING_OUTCOMES } from "@/lib/domain/vocabulary";
import { FilterSelect, filterControl } from "@/components/ui/FilterSelect";

export function AppealFilters({ values, years }: { values: Record<string, string>; years: string[] }) {
  const t = useTranslations("appeals.list");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  return (
    <form method="get" action="/appeals" role="search" aria-label={tc("filter")} className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5">
      <FilterSelect name="kind" label={t("kind")} value={values.kind} all={tc("all")} options={APPEAL_KINDS.map((k) => ({ value: k, label: tv(`appealKind.${k}`) }))} />
      <FilterSelect
        name="outcome"
        label={t("outcome")}
        value={values.outcome}
        all={tc("all")}
        options={["pending", ...RULING_OUTCOMES].map((o) => ({ value: o, label: tv(`rulingOutcome.${o}`) }))}
      />
      <FilterSelect name="year" label={t("year")} value={values.year} all={tc("all")} options={years.map((y) => ({ value: y, label: y }))} />
      <div>
        <label htmlFor="f-body" className="block text-sm font-medium">{t("body")}</label>
        <input id="f-body" name="body" type="search" defaultValue={values.body ?? ""} className={filterControl} />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{tc("filter")}</button>
        <Link href="/appeals" className="text-sm">{tc("clearFilters")}</Link>
      </div>
    </form>
  );
}
