import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { isOperator, listDeadlineRules, listReferenceChanges } from "@/lib/data/settings";
import { PageHeader } from "@/components/ui/PageHeader";
import { Badge } from "@/components/ui/Card";
import { HistoryList } from "@/components/cases/HistoryList";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.rules");
  return { title: t("title") };
}

export default async function RulesPage() {
  const actor = await requirePageActor("/settings/rules");
  const [t, tr, locale, rules, changes] = await Promise.all([getTranslations("settings.rules"), getTranslations("settings.reference"), getLocale(), listDeadlineRules(), listReferenceChanges(["DeadlineRule"])]);
  const operator = isOperator(actor);
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} subtitle={operator ? t("subtitleOperator") : t("subtitle")} actions={<Link href="/settings">{t("settings")}</Link>} />
      <div className="table-scroll rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-stone-50 text-xs text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("rule")}</th>
              <th scope="col" className="px-3 py-2">{t("period")}</th>
              <th scope="col" className="px-3 py-2">{t("legalBasis")}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("edit")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rules.map((r) => (
              <tr key={r.id} className={r.active ? "" : "text-stone-500"}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {localized(r, "label", locale)} {r.active ? null : <Badge>{t("inactive")}</Badge>}
                  <span className="block font-mono text-xs font-normal text-stone-500">{r.code}</span>
                </th>
                <td className="px-3 py-2">
                  {t("periodText", {
                    amount: r.amount,
                    unit: t(`unitCount.${r.unit === "months" || r.unit === "calendar_days" ? r.unit : "working_days"}`, { count: r.amount }),
                    direction: t(`directions.${r.direction === "before" ? "before" : "after"}`, { anchor: t.has(`anchor.${r.countsFrom}`) ? t(`anchor.${r.countsFrom}`) : r.countsFrom }),
                  })}
                </td>
                <td className="px-3 py-2">{localized(r, "legalBasis", locale) || "—"}</td>
                <td className="px-3 py-2 text-right">{operator ? <Link href={`/settings/rules/${r.id}`}>{t("edit")}</Link> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-stone-600">{t("logged")}</p>
      <div className="mt-4">
        <HistoryList history={changes} id="reference-changes" title={tr("title")} hint={tr("hint")} />
      </div>
    </div>
  );
}
