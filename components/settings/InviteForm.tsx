"use client";
// Invites someone by email with a role. The link is shown here, once, for the admin to send by
// a channel they trust; with email configured it is also emailed to the invitee. Only its hash is stored.
import { useActionState, useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { inviteMemberAction } from "@/lib/actions/invitations";
import { ROLES } from "@/lib/domain/vocabulary";
import type { Plain } from "@/lib/validation/form-data";
import { SettingsMessage } from "./SettingsMessage";

export function InviteForm({ groupId }: { groupId: string }) {
  const t = useTranslations("settings.invite");
  const tr = useTranslations("vocab.role");
  const tn = useTranslations("notify.invitation");
  const f = useFormatter();
  const [state, action] = useActionState(inviteMemberAction, initialFormState);
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const submitted = state.ok ? undefined : (state.data?.values as Plain | undefined);
  const link = state.ok && typeof state.data?.path === "string" ? `${origin}${state.data.path}` : null;
  return (
    <div className="space-y-3">
      {state.message && !link ? <SettingsMessage state={state} labels="settings.invite" /> : null}
      <form action={action} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" key={String(state.data?.submittedAt ?? (link ? "sent" : "initial"))}>
        <input type="hidden" name="groupId" value={groupId} />
        <TextField name="email" label={t("email")} type="email" required autoComplete="off" defaultValue={typeof submitted?.email === "string" ? submitted.email : ""} errors={state.errors} />
        <SelectField name="role" label={t("role")} defaultValue={typeof submitted?.role === "string" ? submitted.role : "editor"} errors={state.errors} options={ROLES.map((r) => ({ value: r, label: tr(r) }))} />
        <div className="pb-0.5">
          <SubmitButton>{t("submit")}</SubmitButton>
        </div>
      </form>
      {link ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">{t("created", { email: String(state.data?.email ?? "") })}</p>
          {state.data?.emailed ? (
            <p className="mt-1 text-green-900" data-emailed>
              {tn("emailed", { email: String(state.data?.email ?? "") })}
            </p>
          ) : null}
          <p className="mt-1 text-green-900">{t("onceOnly")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="invite-link" className="sr-only">
              {t("link")}
            </label>
            <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1.5 font-mono text-xs" />
            <button
              type="button"
              className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100"
              onClick={async () => {
                await navigator.clipboard?.writeText(link);
                setCopied(true);
              }}
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
          {typeof state.data?.expiresAt === "string" ? (
            <p className="mt-1 text-xs text-stone-700">{t("expires", { date: f.dateTime(new Date(state.data.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
