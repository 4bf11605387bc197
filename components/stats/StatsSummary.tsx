import { getLocale, getTranslations } from "next-intl/server";
import { percent } from "@/lib/domain/stats";
import type { StatsFigures } from "@/lib/validation/stats";
import { numberFormat } from "@/lib/i18n/formatters";

/** The headline numbers above the detailed figures. */
export async function StatsSummary({ figures }: { figures: StatsFigures }) {
  const [t, locale] = await Promise.all([getTranslations("stats"), getLocale()]);
  const nf = numberFormat(locale, { maximumFractionDigits: 1 });
  const items = [
    { label: t("summary.refusals"), value: nf.format(figures.refusals.total) },
    { label: t("summary.appealed"), value: percent(figures.appeals.total.appealedShare, locale) },
    { label: t("summary.overturned"), value: nf.format(figures.appeals.total.overturned) },
    { label: t("summary.medianDays"), value: figures.timing.total.medianDays === null ? "—" : nf.format(figures.timing.total.medianDays) },
    { label: t("summary.contested"), value: percent(figures.pretext.total.contestedShare, locale) },
    { label: t("summary.noAlternative"), value: percent(figures.pretext.total.noAlternativeShare, locale) },
  ];
  return (
    <section aria-labelledby="stats-summary-title">
      <h2 id="stats-summary-title" className="sr-only">
        {t("summary.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {items.map((i) => (
          <div key={i.label} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{i.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{i.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
