"use client";
// A group's admin decides whether its members need two-factor sign-in to reach its records.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { setGroupTwoFactorAction } from "@/lib/actions/security";
import { SettingsMessage } from "../SettingsMessage";

export function GroupTwoFactorForm({ groupId, groupName, required }: { groupId: string; groupName: string; required: boolean }) {
  const t = useTranslations("settings.security");
  const [state, action] = useActionState(setGroupTwoFactorAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <SettingsMessage state={state} />
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="requireTwoFactor" value={required ? "off" : "on"} />
      <p className="text-sm">
        <strong>{groupName}</strong>: {required ? t("groupRequired") : t("groupNotRequired")}
      </p>
      <SubmitButton variant="secondary">{required ? t("groupStopRequiring") : t("groupRequire")}</SubmitButton>
    </form>
  );
}
