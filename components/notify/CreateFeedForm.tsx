"use client";
// A new calendar feed: its address is shown here once (the secret is in it); only its hash is stored.
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { createCalendarFeedAction } from "@/lib/actions/notify";
import { NotifyMessage } from "./NotifyMessage";

export function CreateFeedForm({ appUrl }: { appUrl: string }) {
  const [state, action] = useActionState(createCalendarFeedAction, initialFormState);
  const t = useTranslations("notify.calendar");
  const [origin, setOrigin] = useState(appUrl);
  useEffect(() => setOrigin(window.location.origin), []);
  const path = state.ok ? (state.data?.path as string | undefined) : undefined;
  return (
    <div className="space-y-4">
      <NotifyMessage state={state} labels="notify.calendar" />
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <TextField
          name="name"
          label={t("name")}
          hint={t("nameHint")}
          required
          maxLength={100}
          errors={state.errors}
          className="min-w-64 flex-1"
          key={JSON.stringify(state)}
          defaultValue={state.ok ? "" : String(state.data?.name ?? "")}
        />
        <SubmitButton>{t("create")}</SubmitButton>
      </form>
      {path ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">{t("created", { name: String(state.data?.name ?? "") })}</p>
          <label htmlFor="new-feed" className="mt-2 block text-stone-800">
            {t("copyNow")}
          </label>
          <input
            id="new-feed"
            readOnly
            value={`${origin}${path}`}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-xs"
            data-feed-url
          />
        </div>
      ) : null}
    </div>
  );
}
