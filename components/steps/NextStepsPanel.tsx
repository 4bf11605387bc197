// "Who does what next" on a case page: members only (the page renders it only for them; the
// data comes from lib/data/next-steps, which answers null to anyone else).
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import type { CaseNextSteps } from "@/lib/data/next-steps";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { AssignStepForm, StepActions } from "./StepForms";

export function NextStepsPanel({ applicationId, data, deadlineOn }: { applicationId: string; data: CaseNextSteps; deadlineOn: string | null }) {
  const t = useTranslations("steps");
  const open = data.steps.filter((s) => !s.done);
  const done = data.steps.filter((s) => s.done);
  const what = (s: CaseNextSteps["steps"][number]) => (s.kind === "other" ? s.description : t(`kind.${s.kind}`) + (s.description ? ` — ${s.description}` : ""));
  return (
    <section id="next-steps" aria-labelledby="next-steps-title" className="card no-print" data-members-only>
      <h2 id="next-steps-title" className="text-lg font-semibold">
        {t("panel.title")}
      </h2>
      <p className="mb-3 text-xs text-stone-600">{t("panel.membersOnly")}</p>
      {open.length === 0 ? (
        <p className="text-sm text-stone-600">{t("panel.empty")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-stone-100">
          {open.map((s) => {
            const overdue = s.dueOn < data.today;
            return (
              <li key={s.id} className="py-2 text-sm" data-step={s.kind} data-overdue={overdue || undefined}>
                <span className="font-medium">{what(s)}</span> · {s.assignee.name} · {t("panel.due")} <DateText value={s.dueOn} />{" "}
                {overdue ? <Badge tone="red">{t("panel.overdue")}</Badge> : null}
                <ClientMessages namespaces={["steps"]}>
                  <StepActions stepId={s.id} assigneeId={s.assignee.id} members={data.members} canAssign={data.canAssign} canComplete={data.canAssign || s.assignee.id === data.userId} />
                </ClientMessages>
              </li>
            );
          })}
        </ul>
      )}
      {data.canAssign ? (
        <ClientMessages namespaces={["steps"]}>
          <AssignStepForm applicationId={applicationId} members={data.members} deadlineOn={deadlineOn} deadlineLabel={deadlineOn} />
        </ClientMessages>
      ) : null}
      {done.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-brand-700">{t("panel.doneList")}</summary>
          <ul className="mt-2 space-y-1">
            {done.map((s) => (
              <li key={s.id} className="text-stone-700" data-step-done>
                <del>{what(s)}</del> · {s.assignee.name} · <Badge tone="green">{t("panel.done")}</Badge>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
