// Filters as a plain GET form: the URL holds them, so a filtered list can be shared.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { APPEAL_KINDS, RULING_OUTCOMES } from "@/lib/domain/vocabulary";

const control = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";

export function AppealFilters({ values, years }: { values: Record<string, string>; years: string[] }) {
  const t = useTranslations("appeals.list");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  return (
    <form method="get" action="/appeals" role="search" aria-label={tc("filter")} className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5">
      <div>
        <label htmlFor="f-kind" className="block text-sm font-medium">{t("kind")}</label>
        <select id="f-kind" name="kind" defaultValue={values.kind ?? ""} className={control}>
          <option value="">{tc("all")}</option>
          {APPEAL_KINDS.map((k) => (
            <option key={k} value={k}>{tv(`appealKind.${k}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-outcome" className="block text-sm font-medium">{t("outcome")}</label>
        <select id="f-outcome" name="outcome" defaultValue={values.outcome ?? ""} className={control}>
          <option value="">{tc("all")}</option>
          <option value="pending">{tv("rulingOutcome.pending")}</option>
          {RULING_OUTCOMES.map((o) => (
            <option key={o} value={o}>{tv(`rulingOutcome.${o}`)}</option>
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
        <label htmlFor="f-body" className="block text-sm font-medium">{t("body")}</label>
        <input id="f-body" name="body" type="search" defaultValue={values.body ?? ""} className={control} />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{tc("filter")}</button>
        <Link href="/appeals" className="text-sm">{tc("clearFilters")}</Link>
      </div>
    </form>
  );
}
