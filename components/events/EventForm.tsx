"use client";
// What happened: held, not held, a meeting with officials, pressure to withdraw … The
// officials' words are kept verbatim; participants only where people turned up.
import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { DateWithPrecision } from "@/components/appeals/DateWithPrecision";
import { formValues } from "@/components/appeals/values";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { Plain } from "@/lib/validation/form-data";
import { EVENT_KINDS } from "@/lib/domain/vocabulary";

export interface EventValues {
  [k: string]: string;
  id: string;
  applicationId: string;
  kind: string;
  occurredOn: string;
  occurredOnPrecision: string;
  description: string;
  statedReason: string;
  participants: string;
}

const SPEECH = new Set(["pressure_withdraw", "meeting_officials", "other"]);
const CROWD = new Set(["held", "terminated", "other"]);

export function EventForm({ action, initial, cancelHref }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; initial: EventValues; cancelHref: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = formValues(initial, state.data?.values as Plain | undefined);
  return <EventFields key={String(state.data?.submittedAt ?? "initial")} state={state} formAction={formAction} v={v} initial={initial} cancelHref={cancelHref} />;
}

function EventFields({ state, formAction, v, initial, cancelHref }: { state: FormState; formAction: (fd: FormData) => void; v: EventValues; initial: EventValues; cancelHref: string }) {
  const t = useTranslations("events.form");
  const tv = useTranslations("vocab.eventKind");
  const [kind, setKind] = useState(v.kind);
  const errors = state.errors;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} labels="events.form" />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : <input type="hidden" name="applicationId" value={initial.applicationId} />}
      <SelectField
        name="kind"
        label={t("kind")}
        required
        defaultValue={v.kind}
        onChange={(e) => setKind(e.target.value)}
        errors={errors}
        placeholder={t("choose")}
        options={EVENT_KINDS.map((k) => ({ value: k, label: tv(k) }))}
      />
      {kind === "held" || kind === "withdrawn" || kind === "not_held" || kind === "terminated" ? <p className="-mt-2 text-xs text-stone-600">{t("closesCase")}</p> : null}
      <DateWithPrecision name="occurredOn" label={t("occurredOn")} value={v.occurredOn} precision={v.occurredOnPrecision} errors={errors} />
      <TextArea name="description" label={t("description")} defaultValue={v.description} errors={errors} rows={4} />
      {SPEECH.has(kind) ? (
        <TextArea name="statedReason" label={t("statedReason")} defaultValue={v.statedReason} errors={errors} rows={3} hint={t("statedReasonHint")} />
      ) : (
        <input type="hidden" name="statedReason" value="" />
      )}
      {CROWD.has(kind) ? (
        <TextField name="participants" label={t("participants")} inputMode="numeric" defaultValue={v.participants} errors={errors} className="max-w-48" />
      ) : (
        <input type="hidden" name="participants" value="" />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{initial.id ? t("save") : t("create")}</SubmitButton>
        <Link href={cancelHref} className={secondaryLink}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
