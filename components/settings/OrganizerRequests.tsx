"use client";
// Requests to co-organize another group's record: an admin accepts or declines each. The list
// holds the answer's outcome, so it is still shown once the answered row has left the list.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { acceptOrganizerRequestAction, declineOrganizerRequestAction } from "@/lib/actions/organizers";
import { SettingsMessage } from "./SettingsMessage";

export interface OrganizerRequestView {
  applicationId: string;
  groupId: string;
  title: string;
  requestingGroup: string;
  requestedOn: string;
}

type FormAction = (payload: FormData) => void;

export function OrganizerRequestList({ requests }: { requests: OrganizerRequestView[] }) {
  const t = useTranslations("settings.organizerRequests");
  const [acceptState, acceptAction] = useActionState(acceptOrganizerRequestAction, initialFormState);
  const [declineState, declineAction] = useActionState(declineOrganizerRequestAction, initialFormState);
  return (
    <div className="space-y-2">
      {acceptState.message ? <SettingsMessage state={acceptState} /> : null}
      {declineState.message ? <SettingsMessage state={declineState} /> : null}
      {requests.length === 0 ? (
        <p className="text-sm text-stone-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {requests.map((r) => (
            <OrganizerRequestRow key={`${r.applicationId}:${r.groupId}`} request={r} accept={acceptAction} decline={declineAction} />
          ))}
        </ul>
      )}
    </div>
  );
}

function OrganizerRequestRow({ request, accept, decline }: { request: OrganizerRequestView; accept: FormAction; decline: FormAction }) {
  const t = useTranslations("settings.organizerRequests");
  const hidden = (
    <>
      <input type="hidden" name="applicationId" value={request.applicationId} />
      <input type="hidden" name="groupId" value={request.groupId} />
    </>
  );
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0 text-sm">
        <p>{t("request", { group: request.requestingGroup, title: request.title })}</p>
        <p className="text-xs text-stone-600">{t("requestedOn", { date: request.requestedOn })}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <form action={accept}>
          {hidden}
          <SubmitButton variant="secondary">{t("accept")}</SubmitButton>
        </form>
        <form
          action={decline}
          onSubmit={(e) => {
            if (!window.confirm(t("declineConfirm", { group: request.requestingGroup }))) e.preventDefault();
          }}
        >
          {hidden}
          <SubmitButton variant="danger">{t("decline")}</SubmitButton>
        </form>
      </div>
    </li>
  );
}
