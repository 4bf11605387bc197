"use client";
// One member: an admin changes the role or removes them (the last admin cannot be).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/settings";
import { ROLES } from "@/lib/domain/vocabulary";
import { SettingsMessage } from "./SettingsMessage";

interface Props {
  groupId: string;
  member: { id: string; role: string; user: { name: string; email: string } };
  isSelf: boolean;
  /** More for this member (an admin's reset link, components/accounts). */
  extra?: React.ReactNode;
}

export function MemberRow({ groupId, member, isSelf, extra }: Props) {
  const t = useTranslations("settings.members");
  const tr = useTranslations("vocab.role");
  const [roleState, roleAction] = useActionState(changeRoleAction, initialFormState);
  const [removeState, removeAction] = useActionState(removeMemberAction, initialFormState);
  const selectId = `role-${member.id}`;
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium">
            {member.user.name} {isSelf ? <span className="text-xs text-stone-600">({t("you")})</span> : null}
          </p>
          <p className="break-all text-sm text-stone-600">{member.user.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <form action={roleAction} className="flex items-center gap-2">
            <input type="hidden" name="groupId" value={groupId} />
            <input type="hidden" name="membershipId" value={member.id} />
            <label htmlFor={selectId} className="sr-only">
              {t("roleOf", { name: member.user.name })}
            </label>
            <select id={selectId} name="role" defaultValue={member.role} className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </select>
            <SubmitButton variant="secondary">{t("changeRole")}</SubmitButton>
          </form>
          <form
            action={removeAction}
            onSubmit={(e) => {
              if (!window.confirm(isSelf ? t("leaveConfirm") : t("removeConfirm", { name: member.user.name }))) e.preventDefault();
            }}
          >
            <input type="hidden" name="groupId" value={groupId} />
            <input type="hidden" name="membershipId" value={member.id} />
            <SubmitButton variant="danger">{isSelf ? t("leave") : t("remove")}</SubmitButton>
          </form>
        </div>
      </div>
      <div className="mt-2 space-y-1">
        {extra}
        {roleState.message ? <SettingsMessage state={roleState} /> : null}
        {removeState.message ? <SettingsMessage state={removeState} /> : null}
      </div>
    </li>
  );
}
