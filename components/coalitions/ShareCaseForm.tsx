"use client";
// The owner's admin shares the case with a group (or changes or revokes what is shared); an
// admin of a coalition group leaves. Both post without JavaScript.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";
import { initialFormState } from "@/lib/actions/form-state";
import { leaveCaseAccessAction, shareCaseAction } from "@/lib/actions/coalitions";
import { CASE_ACCESS } from "@/lib/domain/vocabulary";

const str = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);

export function ShareCaseForm({ applicationId, groups, current }: { applicationId: string; groups: { id: string; name: string }[]; current: Record<string, string> }) {
  const t = useTranslations("coalitions.panel");
  const [state, action] = useActionState(shareCaseAction, initialFormState);
  const v = (state.ok ? {} : (state.data?.values as Record<string, unknown> | undefined)) ?? {};
  const label = { none: t("accessNone"), read: t("accessRead"), edit: t("accessEdit") } as const;
  return (
    <form action={action} method="post" noValidate className="space-y-3" data-form="share-case" key={String(state.data?.submittedAt ?? "initial")}>
      <OutcomeMessage state={state} messages="coalitions.messages" labels="coalitions.panel" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <SelectField
        name="groupId"
        label={t("groupId")}
        required
        placeholder={t("choose")}
        defaultValue={str(v.groupId)}
        errors={state.errors}
        options={groups.map((g) => ({ value: g.id, label: current[g.id] && current[g.id] !== "none" ? `${g.name} (${label[current[g.id] as keyof typeof label]})` : g.name }))}
      />
      <SelectField name="access" label={t("access")} required defaultValue={str(v.access, "read")} errors={state.errors} options={CASE_ACCESS.map((a) => ({ value: a, label: label[a] }))} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}

export function LeaveCaseForm({ applicationId, groupId }: { applicationId: string; groupId: string }) {
  const t = useTranslations("coalitions.panel");
  const [state, action] = useActionState(leaveCaseAccessAction, initialFormState);
  return (
    <form
      action={action}
      method="post"
      data-form="leave-case"
      onSubmit={(e) => {
        if (!window.confirm(t("leaveConfirm"))) e.preventDefault();
      }}
    >
      <OutcomeMessage state={state} messages="coalitions.messages" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="groupId" value={groupId} />
      <SubmitButton variant="secondary">{t("leave")}</SubmitButton>
    </form>
  );
}
