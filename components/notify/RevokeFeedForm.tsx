"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { revokeCalendarFeedAction } from "@/lib/actions/notify";
import { NotifyMessage } from "./NotifyMessage";

export function RevokeFeedForm({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(revokeCalendarFeedAction, initialFormState);
  const t = useTranslations("notify.calendar");
  return (
    <form action={action} method="post" aria-label={t("revokeLabel", { name })}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger">{t("revoke")}</SubmitButton>
      <NotifyMessage state={state} />
    </form>
  );
}
