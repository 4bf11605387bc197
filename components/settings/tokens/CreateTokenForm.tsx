"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { createApiTokenAction } from "@/lib/actions/api-tokens";

/** The new token is shown here once; only its hash is stored. */
export function CreateTokenForm() {
  const [state, action] = useActionState(createApiTokenAction, initialFormState);
  const t = useTranslations("tokens");
  const ta = useTranslations("accounts.tokens");
  const token = state.ok ? (state.data?.token as string | undefined) : undefined;
  return (
    <div className="space-y-4">
      {state.message === "too_many_tokens" ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("tooMany")}
        </p>
      ) : (
        <FormMessage state={state} labels="tokens" />
      )}
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <TextField
          name="name"
          label={t("name")}
          hint={t("nameHint")}
          required
          maxLength={100}
          errors={state.errors}
          className="min-w-64 flex-1"
          // Remounted per answer so the field shows what was typed after an error, and empties after success.
          key={JSON.stringify(state)}
          defaultValue={state.ok ? "" : String(state.data?.name ?? "")}
        />
        <div>
          <label htmlFor="token-days" className="block text-sm font-medium">
            {ta("days")}
          </label>
          <select id="token-days" name="days" defaultValue="90" className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-2 text-sm">
            {[7, 30, 90, 365].map((d) => (
              <option key={d} value={d}>
                {ta("daysOption", { count: d })}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="export" value="on" /> {ta("export")}
        </label>
        <SubmitButton>{t("create")}</SubmitButton>
      </form>
      <p className="text-xs text-stone-600">{ta("scopesHint")}</p>
      {token ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">{t("created", { name: String(state.data?.name ?? "") })}</p>
          <label htmlFor="new-token" className="mt-2 block text-stone-800">
            {t("copyNow")}
          </label>
          <input
            id="new-token"
            readOnly
            value={token}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-xs"
            data-token
          />
        </div>
      ) : null}
    </div>
  );
}
