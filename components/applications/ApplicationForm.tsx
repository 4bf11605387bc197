"use client";
// Logging or editing an application: who filed it with whom, what was asked (one or more
// parts), and — as the user types — whether it was filed in time and when the answer is due.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import type { FormState } from "@/lib/actions/form-state";
import { useDraftForm } from "@/components/offline/useDraftForm";
import { DraftNotice } from "@/components/offline/DraftNotice";
import { formToObject, type Plain } from "@/lib/validation/form-data";
import { ASSEMBLY_FORMS, AUTHORITY_KINDS, DATE_PRECISIONS, isOneOf, procedureFor, type AssemblyForm } from "@/lib/domain/vocabulary";
import type { ApplicationConflict } from "@/lib/data/applications";
import type { ClockData } from "./clock";
import { ApplicantFields } from "./ApplicantFields";
import { ConflictPanel } from "./ConflictPanel";
import { FieldMessages } from "./FieldMessages";
import { FilingCheck, type FilingCheckInput } from "./FilingCheck";
import { PartFields } from "./PartFields";
import { applicationFromSubmitted, emptyApplicant, emptyPart, type ApplicationValues } from "./values";

export interface ApplicationFormOptions {
  ownerGroups: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  authorities: { id: string; name: string; nameRu: string; kind: string; city: string }[];
}

interface Props {
  mode: "create" | "edit";
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  options: ApplicationFormOptions;
  clock: ClockData;
  initial: ApplicationValues;
  /** Edit: the owning group, which does not change. */
  ownerName?: string;
  cancelHref: string;
  /** A new application: kept as a draft on this device when typed offline (components/offline). */
  drafts?: { owner: string; serverKey: string };
}

export function ApplicationForm({ mode, action, options, clock, initial, ownerName, cancelHref, drafts }: Props) {
  const t = useTranslations("applications.form");
  const [state, formAction, draft, onSubmit] = useDraftForm("application", mode === "create" && drafts ? drafts.owner : null, action, drafts?.serverKey ?? "");
  const submitted = state.data?.values as Plain | undefined;
  const conflict = state.message === "conflict" ? (state.conflict as ApplicationConflict | null) : null;
  // After a conflict the form holds the merge (their changes and this user's), and its base
  // becomes the version now saved: saving again keeps both. Otherwise what was typed, over
  // the base the form was loaded with.
  const values = conflict?.merge ? conflict.merge.values : submitted ? applicationFromSubmitted(submitted, initial) : initial;
  const base = conflict?.merge ? JSON.stringify(conflict.merge.base) : typeof submitted?.base === "string" ? submitted.base : JSON.stringify(initial);
  const version = conflict ? String(conflict.version) : values.version;
  return (
    <div className={conflict ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby="form-message" data-offline-draft={draft ? "" : undefined}>
        <div id="form-message">
          <FormMessage state={state} labels="applications.form" ns="applications" />
        </div>
        {draft ? <DraftNotice draft={draft} /> : null}
        {/* Remounted after each failed submit so every control shows what was just sent. */}
        <ApplicationFields
          key={String(state.data?.submittedAt ?? "initial")}
          mode={mode}
          values={values}
          version={version}
          base={mode === "edit" ? base : null}
          errors={state.errors}
          options={options}
          clock={clock}
          ownerName={ownerName}
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton busy={draft?.pending}>{mode === "create" ? t("create") : t("save")}</SubmitButton>
          <Link href={cancelHref} className={secondaryLink}>
            {t("cancel")}
          </Link>
        </div>
      </form>
      {conflict ? <ConflictPanel current={conflict} merged={conflict.merge ? values : null} names={names(options)} /> : null}
    </div>
  );
}

/** Ids the conflict panel shows by name. */
function names(options: ApplicationFormOptions): Record<string, string> {
  return Object.fromEntries([...options.authorities.map((a) => [a.id, a.name]), ...options.groups.map((g) => [g.id, g.name]), ...options.ownerGroups.map((g) => [g.id, g.name])]);
}

function liveOf(raw: Plain | ApplicationValues): FilingCheckInput {
  const parts = (Array.isArray(raw.parts) ? raw.parts : []) as Plain[];
  const forms = parts.map((p) => String(p.form ?? "")).filter((f): f is AssemblyForm => isOneOf(ASSEMBLY_FORMS, f));
  return {
    procedure: procedureFor(forms),
    filedOn: String(raw.filedOn ?? ""),
    filedOnPrecision: String(raw.filedOnPrecision ?? "day") || "day",
    parts: parts.map((p) => ({ form: String(p.form ?? ""), eventDate: String(p.eventDate ?? ""), eventDatePrecision: String(p.eventDatePrecision ?? "day") || "day" })),
  };
}

function ApplicationFields({
  mode,
  values,
  version,
  base,
  errors,
  options,
  clock,
  ownerName,
}: {
  mode: "create" | "edit";
  values: ApplicationValues;
  version: string;
  /** The values the form started from, as JSON (edit only): the server merges against it. */
  base: string | null;
  errors?: Record<string, string[]>;
  options: ApplicationFormOptions;
  clock: ClockData;
  ownerName?: string;
}) {
  const t = useTranslations("applications.form");
  const tv = useTranslations("vocab");
  const box = useRef<HTMLDivElement>(null);
  const nextKey = useRef(values.parts.length + values.applicants.length + 1);
  const [parts, setParts] = useState(() => values.parts.map((p, i) => ({ key: `p${i}`, value: p })));
  const [applicants, setApplicants] = useState(() => values.applicants.map((a, i) => ({ key: `a${i}`, value: a })));
  const [live, setLive] = useState(() => liveOf(values));

  const recompute = () => {
    const form = box.current?.closest("form");
    if (form) setLive(liveOf(formToObject(new FormData(form))));
  };
  // Adding or removing a part changes the forms asked for, and so the procedure.
  useEffect(recompute, [parts]);

  const addPart = () => setParts((rows) => [...rows, { key: `p${nextKey.current++}`, value: emptyPart() }]);
  const addApplicant = () => setApplicants((rows) => [...rows, { key: `a${nextKey.current++}`, value: emptyApplicant() }]);

  const authorityLabel = (a: ApplicationFormOptions["authorities"][number]) => (a.city ? `${a.name} (${a.city})` : a.name);

  return (
    <div ref={box} onChange={recompute} className="space-y-6">
      {values.id ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={version} />
          {base !== null ? <input type="hidden" name="base" value={base} /> : null}
        </>
      ) : null}

      <section aria-labelledby="who-title" className="space-y-3">
        <h2 id="who-title" className="text-lg font-semibold">
          {t("who")}
        </h2>
        {mode === "create" ? (
          <SelectField
            name="groupId"
            label={t("owner")}
            hint={t("ownerHint")}
            required
            errors={errors}
            defaultValue={values.groupId}
            options={options.ownerGroups.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(e) => {
              // The owning group usually organizes too: tick it, leave the others as they are.
              const tick = document.getElementById(`organizerIds[]-${e.currentTarget.value}`) as HTMLInputElement | null;
              if (tick) tick.checked = true;
            }}
          />
        ) : (
          <p className="text-sm">
            <span className="font-medium">{t("owner")}:</span> {ownerName}
          </p>
        )}
        <fieldset aria-describedby="organizerIds-hint organizerIds-error">
          <legend className="block text-sm font-medium text-stone-800">
            {t("organizers")} <span aria-hidden="true" className="text-red-700">*</span>
          </legend>
          <p id="organizerIds-hint" className="text-xs text-stone-600">
            {t("organizersHint")}
          </p>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {options.groups.map((g) => (
              <CheckboxField key={g.id} name="organizerIds[]" value={g.id} label={g.name} defaultChecked={values.organizerIds.includes(g.id)} />
            ))}
          </div>
          <FieldMessages name="organizerIds" errors={errors} />
        </fieldset>
        <TextField name="title" label={t("title")} hint={t("titleHint")} required errors={errors} defaultValue={values.title} />
      </section>

      <section aria-labelledby="authority-title" className="space-y-3">
        <h2 id="authority-title" className="text-lg font-semibold">
          {t("authoritySection")}
        </h2>
        <SelectField
          name="authorityId"
          label={t("authority")}
          errors={errors}
          defaultValue={values.authorityId}
          placeholder={t("authorityNone")}
          options={options.authorities.map((a) => ({ value: a.id, label: authorityLabel(a) }))}
        />
        <fieldset className="rounded-md border border-dashed border-stone-300 p-3">
          <legend className="px-1 text-sm font-medium">{t("newAuthority")}</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField name="newAuthorityName" label={t("newAuthorityName")} errors={errors} defaultValue={values.newAuthorityName} />
            <SelectField
              name="newAuthorityKind"
              label={t("newAuthorityKind")}
              errors={errors}
              defaultValue={values.newAuthorityKind}
              options={AUTHORITY_KINDS.map((k) => ({ value: k, label: tv(`authorityKind.${k}`) }))}
            />
            <TextField name="newAuthorityCity" label={t("newAuthorityCity")} errors={errors} defaultValue={values.newAuthorityCity} />
          </div>
          <p className="mt-2 text-xs text-stone-600">{t("newAuthorityHint")}</p>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="city" label={t("city")} errors={errors} defaultValue={values.city} />
          <TextField name="registrationNumber" label={t("registrationNumber")} hint={t("registrationNumberHint")} errors={errors} defaultValue={values.registrationNumber} />
          <TextField name="filedOn" label={t("filedOn")} type="date" errors={errors} defaultValue={values.filedOn} />
          <SelectField
            name="filedOnPrecision"
            label={t("precision")}
            errors={errors}
            defaultValue={values.filedOnPrecision}
            options={DATE_PRECISIONS.map((p) => ({ value: p, label: tv(`precision.${p}`) }))}
          />
        </div>
        <TextArea name="purpose" label={t("purpose")} errors={errors} defaultValue={values.purpose} />
      </section>

      <section aria-labelledby="parts-title" className="space-y-3">
        <h2 id="parts-title" className="text-lg font-semibold">
          {t("parts")}
        </h2>
        <p className="text-sm text-stone-600">{t("partsHint")}</p>
        <FieldMessages name="parts" errors={errors} />
        {parts.map((row, i) => (
          <PartFields
            key={row.key}
            index={i}
            part={row.value}
            errors={errors}
            onRemove={parts.length > 1 && !row.value.answered ? () => setParts((rows) => rows.filter((r) => r.key !== row.key)) : undefined}
          />
        ))}
        <button type="button" onClick={addPart} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
          + {t("addPart")}
        </button>
        <FilingCheck clock={clock} input={live} />
      </section>

      <section aria-labelledby="applicants-title" className="space-y-3">
        <h2 id="applicants-title" className="text-lg font-semibold">
          {t("applicants")}
        </h2>
        <p className="text-sm text-stone-600">{t("applicantsHint")}</p>
        {applicants.map((row, i) => (
          <ApplicantFields
            key={row.key}
            index={i}
            applicant={row.value}
            errors={errors}
            onRemove={() => setApplicants((rows) => rows.filter((r) => r.key !== row.key))}
          />
        ))}
        <button type="button" onClick={addApplicant} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
          + {t("addApplicant")}
        </button>
      </section>

      <section aria-labelledby="more-title" className="space-y-3">
        <h2 id="more-title" className="text-lg font-semibold">
          {t("more")}
        </h2>
        <TextArea name="notes" label={t("notes")} hint={t("notesHint")} errors={errors} defaultValue={values.notes} />
        <TextArea name="publicNote" label={t("publicNote")} hint={t("publicNoteHint")} errors={errors} defaultValue={values.publicNote} />
        {/* Visibility is set here only when the record is created; afterwards only by the
            publish toggle at the top of the edit page, so a save can never undo it. */}
        {mode === "create" ? (
          <div>
            <CheckboxField name="isPublic" label={t("isPublic")} defaultChecked={values.isPublic} errors={errors} />
            <p className="mt-1 text-xs text-stone-600">{t("isPublicHint")}</p>
          </div>
        ) : (
          <p className="text-sm text-stone-600">{values.isPublic ? t("visibilityPublic") : t("visibilityPrivate")}</p>
        )}
      </section>
    </div>
  );
}
