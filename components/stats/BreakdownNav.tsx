import { useTranslations } from "next-intl";
import { groundsTableFor, STATS_DIMENSIONS, type StatsDimension } from "@/lib/domain/stats";

/** Links that switch the grounds breakdown (?by=…), keeping the filters. */
export function BreakdownNav({ current, query }: { current: StatsDimension; query: string }) {
  const t = useTranslations("stats");
  const href = (by: StatsDimension) => {
    const params = new URLSearchParams(query);
    params.set("by", by);
    return `/stats?${params.toString()}#stats-${groundsTableFor(by)}`;
  };
  return (
    <nav aria-label={t("breakdown.label")} className="mb-3 text-sm">
      <p className="text-stone-700">{t("breakdown.label")}:</p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {STATS_DIMENSIONS.map((d) => (
          <li key={d}>
            {d === current ? (
              <span aria-current="true" className="inline-block rounded-md bg-brand-700 px-3 py-1 font-medium text-white">
                {t(`dimension.${d}`)}
              </span>
            ) : (
              <a href={href(d)} className="inline-block rounded-md border border-stone-300 bg-white px-3 py-1 no-underline">
                {t(`dimension.${d}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-stone-600">{t("breakdown.note")}</p>
    </nav>
  );
}
