"use client";
// The forms of "who does what next", the deadline set by hand and the group's time zone. Each
// posts without JavaScript (a server action) and shows its outcome at its top.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import {
  assignNextStepAction,
  clearDeadlineOverrideAction,
  completeNextStepAction,
  reassignNextStepAction,
  setDeadlineOverrideAction,
  setGroupTimeZoneAction,
} from "@/lib/actions/next-steps";
import { NEXT_STEP_KINDS } from "@/lib/domain/vocabulary";
import type { Plain } from "@/lib/validation/form-data";
import { StepsMessage } from "./StepsMessage";

type Member = { id: string; name: string };
const typed = (state: { ok: boolean; data?: Record<string, unknown> }) => (state.ok ? undefined : (state.data?.values as Plain | undefined));
const str = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);

export function AssignStepForm({ applicationId, members, deadlineOn, deadlineLabel }: { applicationId: string; members: Member[]; deadlineOn: string | null; deadlineLabel: string | null }) {
  const t = useTranslations("steps");
  const [state, action] = useActionState(assignNextStepAction, initialFormState);
  const v = typed(state) ?? {};
  return (
    <form action={action} method="post" noValidate className="space-y-3" key={String(state.data?.submittedAt ?? (state.ok ? state.data?.id : "initial"))} data-form="assign-step">
      <StepsMessage state={state} labels="steps.panel" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="kind" label={t("panel.kind")} required defaultValue={str(v.kind, "complaint")} errors={state.errors} options={NEXT_STEP_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <SelectField name="assigneeId" label={t("panel.assigneeId")} required defaultValue={str(v.assigneeId)} errors={state.errors} placeholder="—" options={members.map((m) => ({ value: m.id, label: m.name }))} />
        <TextField name="description" label={t("panel.description")} hint={t("panel.descriptionHint")} defaultValue={str(v.description)} errors={state.errors} maxLength={500} />
        <TextField
          name="dueOn"
          type="date"
          label={t("panel.dueOn")}
          hint={deadlineOn ? t("panel.dueOnHint", { date: deadlineLabel ?? deadlineOn }) : t("panel.dueOnHintNone")}
          defaultValue={str(v.dueOn)}
          errors={state.errors}
        />
      </div>
      <SubmitButton>{t("panel.assign")}</SubmitButton>
    </form>
  );
}

export function StepActions({ stepId, assigneeId, members, canAssign, canComplete }: { stepId: string; assigneeId: string; members: Member[]; canAssign: boolean; canComplete: boolean }) {
  const t = useTranslations("steps.panel");
  const [doneState, doneAction] = useActionState(completeNextStepAction, initialFormState);
  const [moveState, moveAction] = useActionState(reassignNextStepAction, initialFormState);
  const selectId = `reassign-${stepId}`;
  return (
    <div className="mt-1 flex flex-wrap items-end gap-2">
      {canComplete ? (
        <form action={doneAction} method="post">
          <StepsMessage state={doneState} />
          <input type="hidden" name="id" value={stepId} />
          <SubmitButton variant="secondary">{t("markDone")}</SubmitButton>
        </form>
      ) : null}
      {canAssign ? (
        <form action={moveAction} method="post" className="flex flex-wrap items-end gap-2">
          <StepsMessage state={moveState} />
          <input type="hidden" name="id" value={stepId} />
          <label htmlFor={selectId} className="text-xs text-stone-700">
            {t("reassignTo")}
            <select id={selectId} name="assigneeId" defaultValue={assigneeId} className="ml-1 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm">
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <SubmitButton variant="secondary">{t("reassign")}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

export function DeadlineOverrideForm({ applicationId, current, hasOverride }: { applicationId: string; current: string; hasOverride: boolean }) {
  const t = useTranslations("steps.override");
  const [state, action] = useActionState(setDeadlineOverrideAction, initialFormState);
  const [clearState, clearAction] = useActionState(clearDeadlineOverrideAction, initialFormState);
  const v = typed(state) ?? {};
  return (
    <div className="space-y-3">
      <form action={action} method="post" noValidate className="space-y-3" key={String(state.data?.submittedAt ?? (state.ok ? "saved" : "initial"))} data-form="deadline-override">
        <StepsMessage state={state} labels="steps.override" />
        <p className="text-xs text-stone-700">{t("explain")}</p>
        <input type="hidden" name="applicationId" value={applicationId} />
        <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
          <TextField name="overrideOn" type="date" required label={t("overrideOn")} defaultValue={str(v.overrideOn, current)} errors={state.errors} />
          <TextField name="reason" required label={t("reason")} hint={t("reasonHint")} defaultValue={str(v.reason)} errors={state.errors} maxLength={1000} />
        </div>
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
      {hasOverride ? (
        <form action={clearAction} method="post">
          <StepsMessage state={clearState} />
          <input type="hidden" name="applicationId" value={applicationId} />
          <SubmitButton variant="secondary">{t("clear")}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

export function TimeZoneForm({ groupId, groupName, timeZone }: { groupId: string; groupName: string; timeZone: string }) {
  const t = useTranslations("steps.timeZone");
  const [state, action] = useActionState(setGroupTimeZoneAction, initialFormState);
  const saved = state.ok ? str(state.data?.timeZone, timeZone) : timeZone;
  const v = typed(state) ?? {};
  const name = `timeZone`;
  return (
    <form action={action} method="post" noValidate className="space-y-2" key={String(state.data?.submittedAt ?? saved)} data-form="time-zone" data-group={groupId}>
      {state.ok ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("saved")}
        </p>
      ) : (
        <StepsMessage state={state} labels="steps.timeZone.fields" />
      )}
      <input type="hidden" name="groupId" value={groupId} />
      <div className="grid gap-3 sm:grid-cols-[16rem_auto] sm:items-end">
        <TextField name={name} label={`${t("label")} · ${groupName}`} defaultValue={str(v.timeZone, saved)} errors={state.errors} maxLength={64} />
        <div className="pb-0.5">
          <SubmitButton>{t("save")}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
