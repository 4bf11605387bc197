"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { retryDeliveryAction } from "@/lib/actions/notify";
import { NotifyMessage } from "./NotifyMessage";

export function RetryForm({ groupId, jobId }: { groupId: string; jobId: string }) {
  const [state, action] = useActionState(retryDeliveryAction, initialFormState);
  const t = useTranslations("notify.delivery");
  return (
    <form action={action}>
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="jobId" value={jobId} />
      <SubmitButton>{t("retry")}</SubmitButton>
      <NotifyMessage state={state} />
    </form>
  );
}
