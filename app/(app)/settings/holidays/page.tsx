import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { holidayYears, isOperator, listHolidays, listReferenceChanges } from "@/lib/data/settings";
import { removeHolidayAction } from "@/lib/actions/settings";
import { PageHeader } from "@/components/ui/PageHeader";
import { Badge, Card } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { ConfirmDeleteForm } from "@/components/appeals/ConfirmDeleteForm";
import { HolidayForm } from "@/components/settings/HolidayForm";
import { HistoryList } from "@/components/cases/HistoryList";
import { weekday } from "@/lib/domain/dates";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.holidays");
  return { title: t("title") };
}

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const sp = await searchParams;
  const actor = await requirePageActor("/settings/holidays");
  const thisYear = new Date().getUTCFullYear();
  const asked = Number.parseInt(sp.year ?? "", 10);
  const year = Number.isInteger(asked) && asked >= 1990 && asked <= 2100 ? asked : thisYear;
  const locale = await getLocale();
  const [t, tr, years, days, changes] = await Promise.all([getTranslations("settings.holidays"), getTranslations("settings.reference"), holidayYears(), listHolidays(year), listReferenceChanges(["Holiday"])]);
  const operator = isOperator(actor);
  const nav = [...new Set([...years, thisYear, year])].sort((a, b) => a - b);
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader title={t("title", { year })} subtitle={operator ? t("subtitleOperator") : t("subtitle")} actions={<Link href="/settings">{t("settings")}</Link>} />
      <nav aria-label={t("years")} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {nav.map((y) =>
          y === year ? (
            <strong key={y} aria-current="page">{y}</strong>
          ) : (
            <Link key={y} href={`/settings/holidays?year=${y}`}>
              {y}
            </Link>
          ),
        )}
      </nav>
      {operator ? (
        <Card id="add" title={t("addTitle")}>
          <HolidayForm year={year} />
        </Card>
      ) : null}
      <Card id="list" title={t("list", { count: days.length })}>
        {days.length === 0 ? (
          <p className="text-sm text-stone-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {days.map((d) => {
              const wd = weekday(d.date);
              return (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <span className="inline-block min-w-32 font-medium">
                      <DateText value={d.date} />
                    </span>{" "}
                    <span className="text-xs text-stone-600">{t(`weekday.${wd}`)}</span> {localized(d, "name", locale)}{" "}
                    <Badge tone={d.kind === "working_day" ? "blue" : "amber"}>{t(`kinds.${d.kind === "working_day" ? "working_day" : "holiday"}`)}</Badge>
                  </span>
                  {operator ? <ConfirmDeleteForm action={removeHolidayAction} fields={{ id: d.id }} label={t("remove")} confirm={t("removeConfirm", { name: localized(d, "name", locale) })} ns="settings" /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <p className="text-xs text-stone-600">{t("logged")}</p>
      <HistoryList history={changes} id="reference-changes" title={tr("title")} hint={tr("hint")} />
    </div>
  );
}
