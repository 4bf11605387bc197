"use client";
// Where reminders go (email, Telegram), the weekly digest, and private titles in Telegram. Posts without JavaScript.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { updateChannelsAction } from "@/lib/actions/notify";
import { NotifyMessage } from "./NotifyMessage";

export function ChannelsForm({ email, telegram, digest, privateTitles }: { email: boolean; telegram: boolean; digest: boolean; privateTitles: boolean }) {
  const t = useTranslations("notify.channels");
  const [state, action] = useActionState(updateChannelsAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-2" aria-label={t("title")}>
      <NotifyMessage state={state} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("remindersBy")}</legend>
        <CheckboxField name="email" label={t("email")} defaultChecked={email} />
        <CheckboxField name="telegram" label={t("telegram")} defaultChecked={telegram} />
      </fieldset>
      <CheckboxField name="digest" label={t("digest")} defaultChecked={digest} />
      <CheckboxField name="privateTitles" label={t("privateTitles")} defaultChecked={privateTitles} />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
