// The member's week at a glance: what is due (overdue first, marked), hearings ahead, where
// the group's cases stand, and what changed lately.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { STATUSES } from "@/lib/domain/vocabulary";
import type { DashboardData } from "@/lib/data/dashboard";
import { ByHandMark, ChangedMark } from "./MyStepsCard";
import { Localized } from "@/components/i18n/Localized";

export function DeadlinesCard({ data }: { data: DashboardData }) {
  const t = useTranslations("dashboard");
  const tv = useTranslations("vocab.appealKind");
  return (
    <Card id="deadlines" title={t("deadlines.title")}>
      {data.deadlines.length === 0 ? (
        <p className="text-sm text-stone-600">{t("deadlines.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {data.deadlines.map((d) => (
            <li key={`${d.kind}-${d.applicationId}`} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm ${d.overdue ? "-mx-2 rounded bg-red-50 px-2" : ""}`} data-overdue={d.overdue || undefined}>
              <span className={`min-w-28 font-medium ${d.overdue ? "text-red-800" : ""}`}>
                <DateText value={d.dueOn} />
              </span>
              {d.overdue ? <Badge tone="red">{t("deadlines.overdue")}</Badge> : null}
              <span>{d.kind === "answer" ? t("deadlines.answer") : t("deadlines.appeal", { step: tv.has(d.nextStep) ? tv(d.nextStep) : d.nextStep })}</span>
              <Link href={`/applications/${d.applicationId}${d.kind === "answer" ? "" : "#appeals"}`} className="min-w-0 break-words">
                <Localized record={d} field="title" mark={false} />
              </Link>
              {d.byHand ? <ByHandMark /> : null}
              {d.changed ? <ChangedMark /> : null}
              {data.groups.length > 1 ? <span className="text-xs text-stone-600">{d.groupName}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-stone-600">{t("deadlines.note", { days: data.overdueWindowDays })}</p>
    </Card>
  );
}

export function HearingsCard({ data }: { data: DashboardData }) {
  const t = useTranslations("dashboard");
  const tv = useTranslations("vocab.appealKind");
  return (
    <Card id="hearings" title={t("hearings.title")}>
      {data.hearings.length === 0 ? (
        <p className="text-sm text-stone-600">{t("hearings.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {data.hearings.map((h) => (
            <li key={h.id} className="py-2 text-sm">
              <span className="font-medium">
                <DateText value={h.heldOn} precision={h.heldOnPrecision} />
                {h.time ? `, ${h.time}` : ""}
              </span>{" "}
              <Link href={`/applications/${h.appealStage.application.id}#appeal-${h.appealStage.id}`}>{h.appealStage.application.title}</Link>
              <span className="block text-xs text-stone-600">
                {tv.has(h.appealStage.kind) ? tv(h.appealStage.kind) : h.appealStage.kind}
                {h.appealStage.body?.name || h.appealStage.bodyName ? ` · ${h.appealStage.body?.name ?? h.appealStage.bodyName}` : ""}
                {h.appealStage.caseNumber ? ` · ${h.appealStage.caseNumber}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function StatusCard({ data }: { data: DashboardData }) {
  const t = useTranslations("dashboard");
  const tv = useTranslations("vocab.status");
  return (
    <Card id="status" title={t("status.title")}>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {STATUSES.map((s) => (
          <li key={s} className="rounded-md bg-stone-50 p-2 text-center">
            <Link href={`/applications?status=${s}`} className="block text-stone-900 no-underline hover:underline">
              <span className="block text-2xl font-semibold">{data.statusCounts[s] ?? 0}</span>
              <span className="text-xs text-stone-700">{tv(s)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function ChangesCard({ data }: { data: DashboardData }) {
  const t = useTranslations("dashboard");
  const f = useFormatter();
  return (
    <Card id="changes" title={t("changes.title")}>
      {data.changes.length === 0 ? (
        <p className="text-sm text-stone-600">{t("changes.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {data.changes.map((c) => {
            const entity = t.has(`changes.entity.${c.entity}`) ? t(`changes.entity.${c.entity}`) : c.entity;
            const href = c.caseId ? `/applications/${c.caseId}` : c.entity === "Incident" ? `/incidents/${c.entityId}` : null;
            return (
              <li key={c.id} className="py-2 text-sm">
                <time dateTime={c.at.toISOString()} className="text-xs text-stone-600">
                  {f.dateTime(c.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>{" "}
                {t(`changes.action.${c.action === "create" || c.action === "update" || c.action === "delete" ? c.action : c.action === "import" ? "create" : "update"}`, { who: c.userName, entity })}
                {c.caseTitle ? (
                  <>
                    {" "}
                    {t("changes.inCase")} <Link href={`/applications/${c.caseId}`}>{c.caseTitle}</Link>
                  </>
                ) : href && c.action !== "delete" ? (
                  <>
                    {" "}
                    <Link href={href}>{t("changes.open")}</Link>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
