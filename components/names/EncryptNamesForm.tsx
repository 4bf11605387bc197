"use client";
// A group's admin turns "encrypt people's names" on or off (a plain form post).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";
import { initialFormState } from "@/lib/actions/form-state";
import { setGroupEncryptNamesAction } from "@/lib/actions/person-names";

export function EncryptNamesForm({ groupId, groupName, encrypted }: { groupId: string; groupName: string; encrypted: boolean }) {
  const t = useTranslations("names");
  const [state, action] = useActionState(setGroupEncryptNamesAction, initialFormState);
  return (
    <form action={action} method="post" className="space-y-2" data-testid="encrypt-names">
      <OutcomeMessage state={state} messages="names.messages" />
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="encryptNames" value={encrypted ? "off" : "on"} />
      <p className="text-sm">
        <strong>{groupName}</strong>: {encrypted ? t("isOn") : t("isOff")}
      </p>
      <SubmitButton variant="secondary">{encrypted ? t("turnOff") : t("turnOn")}</SubmitButton>
    </form>
  );
}
