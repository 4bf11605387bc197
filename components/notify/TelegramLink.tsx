"use client";
// Linking Telegram: a one-time code to send to the bot, shown once; or unlinking.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { createTelegramCodeAction, unlinkTelegramAction } from "@/lib/actions/notify";
import { NotifyMessage } from "./NotifyMessage";

export function TelegramLink({ linked }: { linked: boolean }) {
  const t = useTranslations("notify.telegram");
  const [codeState, codeAction] = useActionState(createTelegramCodeAction, initialFormState);
  const [unlinkState, unlinkAction] = useActionState(unlinkTelegramAction, initialFormState);
  const code = codeState.ok ? (codeState.data?.code as string | undefined) : undefined;
  return (
    <div className="space-y-3 text-sm">
      <NotifyMessage state={unlinkState} />
      <NotifyMessage state={codeState.ok ? initialFormState : codeState} />
      <p data-telegram={linked && !unlinkState.ok ? "linked" : "unlinked"}>{linked && !unlinkState.ok ? t("linkedStatus") : t("unlinkedStatus")}</p>
      <form action={codeAction}>
        <SubmitButton>{linked ? t("relink") : t("getCode")}</SubmitButton>
      </form>
      {code ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3">
          <p>{t("sendCode")}</p>
          <p className="mt-1 font-mono text-lg" data-link-code>
            /link {code}
          </p>
          <p className="mt-1 text-xs text-stone-700">{t("codeExpires")}</p>
        </div>
      ) : null}
      {linked && !unlinkState.ok ? (
        <form action={unlinkAction}>
          <SubmitButton variant="danger">{t("unlink")}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
