"use client";
// An incident or reprisal: what happened, when and where, the amount of a fine, who did it,
// and whom and what it concerns — people, groups, applications (none, if it stands alone).
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FieldErrors, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { DateText } from "@/components/ui/DateText";
import { Localized } from "@/components/i18n/Localized";
import { DateWithPrecision } from "@/components/appeals/DateWithPrecision";
import { formValues, listValue } from "@/components/appeals/values";
import type { FormState } from "@/lib/actions/form-state";
import { useDraftForm, type DraftInfo } from "@/components/offline/useDraftForm";
import { DraftNotice } from "@/components/offline/DraftNotice";
import type { Plain } from "@/lib/validation/form-data";
import { INCIDENT_KINDS } from "@/lib/domain/vocabulary";
import type { FieldsMerge } from "@/lib/domain/merge";
import { MergeNotice } from "@/components/ui/MergeNotice";

export interface IncidentValues {
  [k: string]: string;
  id: string;
  version: string;
  groupId: string;
  kind: string;
  title: string;
  occurredOn: string;
  occurredOnPrecision: string;
  city: string;
  place: string;
  description: string;
  amount: string;
  currency: string;
  perpetrator: string;
  newPeople: string;
  isPublic: string;
}

export interface IncidentLinks {
  people: string[];
  groups: string[];
  applications: string[];
}

export interface IncidentOptions {
  people: { id: string; fullName: string; roleTitle: string }[];
  groups: { id: string; name: string }[];
  applications: { id: string; title: string; titleRu?: string; titleKk?: string; filedOn: string | null; filedOnPrecision: string; city: string }[];
}

interface Props {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: IncidentValues;
  links: IncidentLinks;
  options: IncidentOptions;
  cancelHref: string;
  /** A new incident: kept as a draft on this device when typed offline (components/offline). */
  drafts?: { owner: string; serverKey: string };
}

export function IncidentForm({ action, initial, links, options, cancelHref, drafts }: Props) {
  const [state, formAction, draft, onSubmit] = useDraftForm("incident", drafts?.owner ?? null, action, drafts?.serverKey ?? "");
  const submitted = state.data?.values as Plain | undefined;
  const conflict = state.message === "conflict" ? (state.conflict as { version: number; merge?: FieldsMerge } | null) : null;
  // After a conflict the form holds both edits merged, over the version now saved (its new base).
  const merged = conflict?.merge ? { ...conflict.merge.values, people: split(conflict.merge.values.people), groups: split(conflict.merge.values.groups), applications: split(conflict.merge.values.applications) } : undefined;
  const shown = merged ?? submitted;
  const v = formValues(initial, shown);
  const chosen: IncidentLinks = {
    people: listValue(links.people, shown, "people"),
    groups: listValue(links.groups, shown, "groups"),
    applications: listValue(links.applications, shown, "applications"),
  };
  const base = conflict?.merge ? JSON.stringify(conflict.merge.base) : typeof submitted?.base === "string" ? submitted.base : JSON.stringify({ ...initial, ...links });
  return (
    <Fields
      key={String(state.data?.submittedAt ?? "initial")}
      state={state}
      formAction={formAction}
      v={v}
      version={conflict ? String(conflict.version) : v.version}
      base={initial.id ? base : null}
      conflict={conflict?.merge ?? null}
      chosen={chosen}
      options={options}
      cancelHref={cancelHref}
      draft={draft}
      onSubmit={onSubmit}
    />
  );
}

const split = (s: string | undefined) => (s ? s.split(",").filter(Boolean) : []);

/** Linked ids as the names the form shows. */
function linkNames(options: IncidentOptions, list: "people" | "groups" | "applications", value: string): string {
  const name = (id: string) =>
    list === "people" ? options.people.find((p) => p.id === id)?.fullName : list === "groups" ? options.groups.find((g) => g.id === id)?.name : options.applications.find((a) => a.id === id)?.title;
  return split(value)
    .map((id) => name(id) ?? id)
    .join(", ");
}

function Fields({
  state,
  formAction,
  v,
  version,
  base,
  conflict,
  chosen,
  options,
  cancelHref,
  draft,
  onSubmit,
}: {
  draft: DraftInfo | null;
  onSubmit?: (e: React.FormEvent<HTMLFormElement>) => void;
  state: FormState;
  formAction: (fd: FormData) => void;
  v: IncidentValues;
  version: string;
  /** The values the form started from, as JSON (edit only): the server merges against it. */
  base: string | null;
  conflict: FieldsMerge | null;
  chosen: IncidentLinks;
  options: IncidentOptions;
  cancelHref: string;
}) {
  const t = useTranslations("incidents.form");
  const tv = useTranslations("vocab.incidentKind");
  const tc = useTranslations("common");
  const ta = useTranslations("applications.conflict");
  const [kind, setKind] = useState(v.kind);
  const [appFilter, setAppFilter] = useState("");
  const errors = state.errors;
  const q = appFilter.trim().toLowerCase();
  const shownApps = options.applications.filter((a) => !q || chosen.applications.includes(a.id) || a.title.toLowerCase().includes(q) || a.city.toLowerCase().includes(q));
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5" data-offline-draft={draft ? "" : undefined}>
      <FormMessage state={state} labels="incidents.form" />
      {draft ? <DraftNotice draft={draft} /> : null}
      {conflict ? (
        <MergeNotice
          title={ta("title")}
          merge={conflict}
          label={(f) => (t.has(f) ? t(f) : f)}
          shown={(f, value) =>
            f === "isPublic" ? tc("yes") : f === "kind" ? (tv.has(value) ? tv(value) : value) : f === "people" || f === "groups" || f === "applications" ? linkNames(options, f, value) : value
          }
        />
      ) : null}
      {state.message === "conflict" ? <p className="text-sm text-amber-900">{t("conflictHint")}</p> : null}
      {v.id ? (
        <>
          <input type="hidden" name="id" value={v.id} />
          <input type="hidden" name="version" value={version} />
          {base !== null ? <input type="hidden" name="base" value={base} /> : null}
        </>
      ) : (
        <input type="hidden" name="groupId" value={v.groupId} />
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" label={t("kind")} required defaultValue={v.kind} onChange={(e) => setKind(e.target.value)} errors={errors} placeholder={t("choose")} options={INCIDENT_KINDS.map((k) => ({ value: k, label: tv(k) }))} />
        <TextField name="title" label={t("title")} required defaultValue={v.title} errors={errors} />
      </div>
      <DateWithPrecision name="occurredOn" label={t("occurredOn")} value={v.occurredOn} precision={v.occurredOnPrecision} errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="city" label={t("city")} defaultValue={v.city} errors={errors} />
        <TextField name="place" label={t("place")} defaultValue={v.place} errors={errors} />
      </div>
      <TextArea name="description" label={t("description")} defaultValue={v.description} errors={errors} rows={5} />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField name="amount" label={t("amount")} required={kind === "fine"} inputMode="numeric" defaultValue={v.amount} errors={errors} hint={t("amountHint")} />
        <TextField name="currency" label={t("currency")} defaultValue={v.currency || "KZT"} errors={errors} maxLength={3} autoCapitalize="characters" />
      </div>
      <TextField name="perpetrator" label={t("perpetrator")} defaultValue={v.perpetrator} errors={errors} hint={t("perpetratorHint")} />

      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("people")}</legend>
        <p className="mb-2 text-xs text-stone-600">{t("peopleHint")}</p>
        {options.people.length === 0 ? <p className="text-sm text-stone-600">{t("noPeople")}</p> : null}
        <div className="grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2">
          {options.people.map((p) => (
            <CheckboxField key={p.id} name="people[]" value={p.id} label={p.roleTitle ? `${p.fullName} (${p.roleTitle})` : p.fullName} defaultChecked={chosen.people.includes(p.id)} />
          ))}
        </div>
        <FieldErrors name="people" errors={errors} />
        <TextArea name="newPeople" label={t("newPeople")} defaultValue={v.newPeople} errors={errors} rows={2} hint={t("newPeopleHint")} className="mt-3" />
      </fieldset>

      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("groups")}</legend>
        <div className="grid gap-1 sm:grid-cols-3">
          {options.groups.map((g) => (
            <CheckboxField key={g.id} name="groups[]" value={g.id} label={g.name} defaultChecked={chosen.groups.includes(g.id)} />
          ))}
        </div>
        <FieldErrors name="groups" errors={errors} />
      </fieldset>

      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("applications")}</legend>
        <p className="mb-2 text-xs text-stone-600">{t("applicationsHint")}</p>
        <label htmlFor="app-filter" className="sr-only">
          {t("filterApplications")}
        </label>
        <input
          id="app-filter"
          type="search"
          value={appFilter}
          onChange={(e) => setAppFilter(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the filter box must not submit the whole form.
            if (e.key === "Enter") e.preventDefault();
          }}
          placeholder={t("filterApplications")}
          className="mb-2 block w-full rounded-md border border-stone-300 px-3 py-1.5 text-sm"
        />
        <div className="max-h-64 space-y-1 overflow-y-auto">
          {options.applications.map((a) => (
            <div key={a.id} hidden={!shownApps.includes(a)}>
              <label htmlFor={`applications-${a.id}`} className="inline-flex items-start gap-2 text-sm">
                <input id={`applications-${a.id}`} type="checkbox" name="applications[]" value={a.id} defaultChecked={chosen.applications.includes(a.id)} className="mt-0.5 h-4 w-4 rounded border-stone-400" />
                <span>
                  <Localized record={a} field="title" mark={false} />
                  <span className="text-stone-600">
                    {" · "}
                    <DateText value={a.filedOn} precision={a.filedOnPrecision} />
                    {a.city ? ` · ${a.city}` : ""}
                  </span>
                </span>
              </label>
            </div>
          ))}
        </div>
        <FieldErrors name="applications" errors={errors} />
      </fieldset>

      <CheckboxField name="isPublic" label={t("isPublic")} defaultChecked={v.isPublic === "on" || v.isPublic === "true"} errors={errors} />
      <p className="-mt-3 text-xs text-stone-600">{t("isPublicHint")}</p>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton busy={draft?.pending}>{v.id ? t("save") : t("create")}</SubmitButton>
        <Link href={cancelHref} className={secondaryLink}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
