"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, initialFormState);
  const t = useTranslations("tokens");
  return (
    <form action={action} aria-label={t("revokeLabel", { name })}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger">{t("revoke")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
