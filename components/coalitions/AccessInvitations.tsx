"use client";
// Settings → Members, for a group's admins: cases other groups share with this one, each to
// accept or decline. The list keeps the outcome shown once the answered row has left it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";
import { initialFormState } from "@/lib/actions/form-state";
import { acceptCaseAccessAction, leaveCaseAccessAction } from "@/lib/actions/coalitions";

export interface AccessInvitationView {
  applicationId: string;
  groupId: string;
  access: "none" | "read" | "edit";
  title: string;
  owner: string;
}

export function AccessInvitationList({ invitations }: { invitations: AccessInvitationView[] }) {
  const t = useTranslations("coalitions");
  const [acceptState, accept] = useActionState(acceptCaseAccessAction, initialFormState);
  const [declineState, decline] = useActionState(leaveCaseAccessAction, initialFormState);
  return (
    <div className="space-y-2" data-access-invitations>
      <OutcomeMessage state={acceptState} messages="coalitions.messages" />
      {declineState.message ? <OutcomeMessage state={declineState} messages="coalitions.messages" /> : null}
      <p className="text-sm text-stone-700">{t("invitations.intro")}</p>
      {invitations.length === 0 ? (
        <p className="text-sm text-stone-600">{t("invitations.none")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {invitations.map((i) => {
            const hidden = (
              <>
                <input type="hidden" name="applicationId" value={i.applicationId} />
                <input type="hidden" name="groupId" value={i.groupId} />
              </>
            );
            return (
              <li key={`${i.applicationId}:${i.groupId}`} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <p className="min-w-0">{t("invitations.item", { owner: i.owner, title: i.title, access: i.access === "edit" ? t("panel.edit") : t("panel.read") })}</p>
                <div className="flex flex-wrap gap-3">
                  <form action={accept} method="post">
                    {hidden}
                    <SubmitButton variant="secondary">{t("invitations.accept")}</SubmitButton>
                  </form>
                  <form
                    action={decline}
                    method="post"
                    onSubmit={(e) => {
                      if (!window.confirm(t("invitations.declineConfirm"))) e.preventDefault();
                    }}
                  >
                    {hidden}
                    <SubmitButton variant="danger">{t("invitations.decline")}</SubmitButton>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
