"use client";
// Settings → Security: My sessions, "lock my account now", leaving a group, deleting the account.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { deleteAccountAction, issueResetLinkAction, leaveGroupAction, lockMyAccountAction, revokeSessionAction, signOutEverywhereAction } from "@/lib/actions/accounts";
import { AccountMessage } from "./AccountMessage";

export function RevokeSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations("accounts.sessions");
  const [state, action] = useActionState(revokeSessionAction, initialFormState);
  return (
    <form action={action} className="space-y-1">
      {state.message && !state.ok ? <AccountMessage state={state} /> : null}
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary">
        {t("signOut")}
        <span className="sr-only"> {label}</span>
      </SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const t = useTranslations("accounts.sessions");
  const [state, action] = useActionState(signOutEverywhereAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <AccountMessage state={state} />
      <SubmitButton variant="danger">{t("everywhere")}</SubmitButton>
    </form>
  );
}

/** One click opens the confirmation (a plain <details>, no JavaScript needed); the second posts. */
export function LockAccountForm() {
  const t = useTranslations("accounts.lock");
  const [state, action] = useActionState(lockMyAccountAction, initialFormState);
  return (
    <details className="rounded-md border border-red-200 p-3">
      <summary className="cursor-pointer font-medium text-red-800">{t("now")}</summary>
      <form action={action} className="mt-3 space-y-2">
        <AccountMessage state={state} />
        <p className="text-sm">{t("explain")}</p>
        <SubmitButton variant="danger">{t("confirm")}</SubmitButton>
      </form>
    </details>
  );
}

export function LeaveGroupForm({ groupId, groupName }: { groupId: string; groupName: string }) {
  const t = useTranslations("accounts.leave");
  const [state, action] = useActionState(leaveGroupAction, initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="groupId" value={groupId} />
      <span className="text-sm font-medium">{groupName}</span>
      <SubmitButton variant="secondary">
        {t("leave")}
        <span className="sr-only"> {groupName}</span>
      </SubmitButton>
      {state.message ? <AccountMessage state={state} /> : null}
    </form>
  );
}

export function DeleteAccountForm({ twoFactor }: { twoFactor: boolean }) {
  const t = useTranslations("accounts.delete");
  const [state, action] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-3" key={String(state.data?.submittedAt ?? "initial")}>
      <AccountMessage state={state} />
      <p className="text-sm">{t("explain")}</p>
      <TextField name="deletePassword" label={t("password")} type="password" autoComplete="current-password" errors={state.errors} required />
      {twoFactor ? <TextField name="deleteCode" label={t("code")} inputMode="numeric" autoComplete="one-time-code" errors={state.errors} required /> : null}
      <SubmitButton variant="danger">{t("submit")}</SubmitButton>
    </form>
  );
}

/** An admin issues a member a reset link by hand (where the server sends no email); shown once. */
export function IssueResetLinkForm({ groupId, membershipId, name }: { groupId: string; membershipId: string; name: string }) {
  const t = useTranslations("accounts.issue");
  const [state, action] = useActionState(issueResetLinkAction, initialFormState);
  const url = state.ok ? (state.data?.url as string | undefined) : undefined;
  return (
    <div className="space-y-2">
      <form action={action}>
        <input type="hidden" name="groupId" value={groupId} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <SubmitButton variant="secondary">
          {t("button")}
          <span className="sr-only"> {name}</span>
        </SubmitButton>
      </form>
      {state.message && !state.ok ? <AccountMessage state={state} /> : null}
      {url ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          <label htmlFor={`reset-${membershipId}`} className="block">
            {t("shown", { name })}
          </label>
          <input id={`reset-${membershipId}`} readOnly value={url} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-xs" data-reset-link />
        </div>
      ) : null}
    </div>
  );
}
