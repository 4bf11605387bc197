// The member's own next steps (soonest first, overdue marked) and the cases someone else
// changed since the member last opened them.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import type { DashboardData } from "@/lib/data/dashboard";

export function MyStepsCard({ data }: { data: DashboardData }) {
  const t = useTranslations("steps");
  return (
    <Card id="my-steps" title={t("dashboard.mySteps")}>
      {data.nextSteps.length === 0 ? (
        <p className="text-sm text-stone-600">{t("dashboard.myStepsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {data.nextSteps.map((s) => (
            <li key={s.id} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm ${s.overdue ? "-mx-2 rounded bg-red-50 px-2" : ""}`} data-step={s.kind} data-overdue={s.overdue || undefined}>
              <span className={`min-w-28 font-medium ${s.overdue ? "text-red-800" : ""}`}>
                <DateText value={s.dueOn} />
              </span>
              {s.overdue ? <Badge tone="red">{t("panel.overdue")}</Badge> : null}
              <span>{s.kind === "other" ? s.description : t(`kind.${s.kind}`) + (s.description ? ` — ${s.description}` : "")}</span>
              <Link href={`/applications/${s.application.id}#next-steps`} className="min-w-0 break-words">
                {s.application.title}
              </Link>
              {data.groups.length > 1 ? <span className="text-xs text-stone-600">{s.application.group.name}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function ChangedSinceCard({ data }: { data: DashboardData }) {
  const t = useTranslations("steps.dashboard");
  return (
    <Card id="changed-since" title={t("changedTitle")}>
      {data.changedCases.length === 0 ? (
        <p className="text-sm text-stone-600">{t("changedEmpty")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {data.changedCases.map((c) => (
            <li key={c.id} className="py-2 text-sm" data-changed-case={c.id}>
              <Link href={`/applications/${c.id}`}>{c.title}</Link> <Badge tone="amber">{t("changed")}</Badge>
              {data.groups.length > 1 ? <span className="block text-xs text-stone-600">{c.group.name}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The mark beside a case someone else changed since the member last opened it. */
export function ChangedMark() {
  const t = useTranslations("steps.dashboard");
  return (
    <span data-changed-mark>
      <Badge tone="amber">{t("changed")}</Badge>
    </span>
  );
}

export function ByHandMark() {
  const t = useTranslations("steps.override");
  return <Badge tone="blue">{t("byHandShort")}</Badge>;
}
