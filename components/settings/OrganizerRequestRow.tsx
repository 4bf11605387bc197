"use client";
// One request to co-organize another group's record: an admin accepts or declines it. Both are
// plain posts to server actions, so they work before JavaScript loads.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { acceptOrganizerRequestAction, declineOrganizerRequestAction } from "@/lib/actions/organizers";
import { SettingsMessage } from "./SettingsMessage";

interface Props {
  request: { applicationId: string; groupId: string; title: string; requestingGroup: string; requestedOn: string };
}

export function OrganizerRequestRow({ request }: Props) {
  const t = useTranslations("settings.organizerRequests");
  const [acceptState, acceptAction] = useActionState(acceptOrganizerRequestAction, initialFormState);
  const [declineState, declineAction] = useActionState(declineOrganizerRequestAction, initialFormState);
  const answered = acceptState.ok || declineState.ok;
  const hidden = (
    <>
      <input type="hidden" name="applicationId" value={request.applicationId} />
      <input type="hidden" name="groupId" value={request.groupId} />
    </>
  );
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 text-sm">
          <p>{t("request", { group: request.requestingGroup, title: request.title })}</p>
          <p className="text-xs text-stone-600">{t("requestedOn", { date: request.requestedOn })}</p>
        </div>
        {answered ? null : (
          <div className="flex flex-wrap items-center gap-3">
            <form action={acceptAction}>
              {hidden}
              <SubmitButton variant="secondary">{t("accept")}</SubmitButton>
            </form>
            <form
              action={declineAction}
              onSubmit={(e) => {
                if (!window.confirm(t("declineConfirm", { group: request.requestingGroup }))) e.preventDefault();
              }}
            >
              {hidden}
              <SubmitButton variant="danger">{t("decline")}</SubmitButton>
            </form>
          </div>
        )}
      </div>
      <div className="mt-2 space-y-1">
        {acceptState.message ? <SettingsMessage state={acceptState} /> : null}
        {declineState.message ? <SettingsMessage state={declineState} /> : null}
      </div>
    </li>
  );
}
