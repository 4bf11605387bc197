"use client";
// Recording the authority's answer: one outcome per part (an answer may approve the rally
// and refuse the march), the reason in the authority's own words, the grounds it rests on,
// and what contests or supports it.
import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { DateText } from "@/components/ui/DateText";
import { FieldMessages } from "@/components/applications/FieldMessages";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { formToObject, type Plain } from "@/lib/validation/form-data";
import { DATE_PRECISIONS, EVIDENCE_STANCES, PART_OUTCOMES } from "@/lib/domain/vocabulary";
import type { AnswerSnapshot } from "@/lib/data/answers";
import { AlternativeNote, needsAlternativeNote } from "./AlternativeNote";
import { ReasonFromDocuments } from "./ReasonFromDocuments";
import type { DocumentText } from "@/lib/data/ocr-text";
import { answerFromSubmitted, emptyEvidence, type AnswerValues } from "./values";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";

export interface AnswerFormPart {
  id: string;
  form: string;
  place: string;
  route: string;
  eventDate: string | null;
  eventDatePrecision: string;
  startTime: string;
  endTime: string;
}

export interface AnswerFormGround {
  code: string;
  labelEn: string;
  labelRu: string;
  article: string;
}

interface Props {
  mode: "create" | "edit";
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  parts: AnswerFormPart[];
  grounds: AnswerFormGround[];
  initial: AnswerValues;
  cancelHref: string;
  /** The recognised text of the answer's documents, to take the reason from. */
  documents?: DocumentText[];
}

export function AnswerForm({ mode, action, parts, grounds, initial, cancelHref, documents = [] }: Props) {
  const t = useTranslations("answers.form");
  const [state, formAction] = useActionState(action, initialFormState);
  const submitted = state.data?.values as Plain | undefined;
  const values = submitted ? answerFromSubmitted(submitted, initial) : initial;
  const conflict = state.message === "conflict" ? (state.conflict as AnswerSnapshot | null) : null;
  const version = conflict ? String(conflict.version) : values.version;
  return (
    <div className={conflict ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
      <form action={formAction} noValidate className="space-y-6">
        {/* The form's default button (Enter in a field) saves: the sentence buttons of
            ReasonFromDocuments, also submit buttons, come before the visible one. */}
        <button type="submit" tabIndex={-1} aria-hidden="true" className="sr-only">
          {mode === "create" ? t("create") : t("save")}
        </button>
        <FormMessage state={state} labels="answers.form" ns="answers" />
        <AnswerFields
          key={String(state.data?.submittedAt ?? "initial")}
          values={values}
          version={version}
          errors={state.errors}
          parts={parts}
          grounds={grounds}
          documents={documents}
          reasonTaken={state.data?.reasonTaken === true}
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{mode === "create" ? t("create") : t("save")}</SubmitButton>
          <Link href={cancelHref} className={secondaryLink}>
            {t("cancel")}
          </Link>
        </div>
      </form>
      {conflict ? <AnswerConflict current={conflict} parts={parts} grounds={grounds} /> : null}
    </div>
  );
}

interface Live {
  outcomes: string[];
  grounds: string[];
  alternativeOffered: boolean;
}

function liveOf(v: AnswerValues): Live {
  return { outcomes: v.outcomes.map((o) => o.outcome), grounds: v.grounds, alternativeOffered: v.alternativeOffered };
}

function AnswerFields({
  values,
  version,
  errors,
  parts,
  grounds,
  documents,
  reasonTaken,
}: {
  values: AnswerValues;
  version: string;
  errors?: Record<string, string[]>;
  parts: AnswerFormPart[];
  grounds: AnswerFormGround[];
  documents: DocumentText[];
  reasonTaken: boolean;
}) {
  const t = useTranslations("answers.form");
  const tv = useTranslations("vocab");
  const locale = useLocale() as Locale;
  const box = useRef<HTMLDivElement>(null);
  const nextKey = useRef(values.evidence.length + 1);
  const [evidence, setEvidence] = useState(() => values.evidence.map((e, i) => ({ key: `e${i}`, value: e })));
  const [live, setLive] = useState(() => liveOf(values));

  const recompute = () => {
    const form = box.current?.closest("form");
    if (form) setLive(liveOf(answerFromSubmitted(formToObject(new FormData(form)), values)));
  };
  const partById = new Map(parts.map((p) => [p.id, p]));

  return (
    <div ref={box} onChange={recompute} className="space-y-6">
      {values.id ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <input type="hidden" name="applicationId" value={values.applicationId} />
      )}

      <section aria-labelledby="letter-title" className="space-y-3">
        <h2 id="letter-title" className="text-lg font-semibold">
          {t("letter")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="receivedOn" label={t("receivedOn")} type="date" errors={errors} defaultValue={values.receivedOn} />
          <SelectField
            name="receivedOnPrecision"
            label={t("precision")}
            errors={errors}
            defaultValue={values.receivedOnPrecision}
            options={DATE_PRECISIONS.map((p) => ({ value: p, label: tv(`precision.${p}`) }))}
          />
          <TextField name="referenceNumber" label={t("referenceNumber")} errors={errors} defaultValue={values.referenceNumber} />
        </div>
      </section>

      <section aria-labelledby="outcomes-title" className="space-y-3">
        <h2 id="outcomes-title" className="text-lg font-semibold">
          {t("outcomes")}
        </h2>
        <p className="text-sm text-stone-600">{t("outcomesHint")}</p>
        <FieldMessages name="outcomes" errors={errors} ns="answers" />
        {values.outcomes.map((o, i) => {
          const part = partById.get(o.partId);
          const outcome = live.outcomes[i] ?? "";
          const n = (f: string) => `outcomes.${i}.${f}`;
          return (
            <fieldset key={o.partId} className="rounded-md border border-stone-200 p-3 sm:p-4" data-outcome-row={i}>
              <legend className="px-1 text-sm font-semibold">
                {part ? (tv.has(`form.${part.form}`) ? tv(`form.${part.form}`) : part.form) : o.partId}
              </legend>
              {part ? (
                <p className="mb-2 text-sm text-stone-700">
                  {[part.place, part.route].filter(Boolean).join(" · ")} {part.eventDate ? <DateText value={part.eventDate} precision={part.eventDatePrecision} /> : null}{" "}
                  {part.startTime}
                  {part.endTime ? `–${part.endTime}` : ""}
                </p>
              ) : null}
              <input type="hidden" name={n("partId")} value={o.partId} />
              <SelectField
                name={n("outcome")}
                label={t("outcome")}
                errors={errors}
                defaultValue={o.outcome}
                placeholder={t("notStated")}
                options={PART_OUTCOMES.map((p) => ({ value: p, label: tv(`partOutcome.${p}`) }))}
              />
              {/* Kept in the form when hidden, so switching the outcome back loses nothing. */}
              <div className={outcome === "approved_with_limits" ? "mt-3" : "hidden"}>
                <TextArea name={n("limits")} label={t("limits")} hint={t("limitsHint")} errors={errors} defaultValue={o.limits} rows={2} />
              </div>
              <div className={outcome === "alternative_proposed" ? "mt-3" : "hidden"}>
                <TextArea name={n("alternative")} label={t("alternative")} errors={errors} defaultValue={o.alternative} rows={2} />
              </div>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="reason-title" className="space-y-3">
        <h2 id="reason-title" className="text-lg font-semibold">
          {t("reason")}
        </h2>
        <TextArea name="statedReason" label={t("statedReason")} hint={t("statedReasonHint")} errors={errors} defaultValue={values.statedReason} rows={5} />
        <ReasonFromDocuments documents={documents} taken={reasonTaken} />
        <TextField name="articleCited" label={t("articleCited")} hint={t("articleCitedHint")} errors={errors} defaultValue={values.articleCited} />
        <fieldset aria-describedby="grounds-error">
          <legend className="block text-sm font-medium text-stone-800">{t("grounds")}</legend>
          <p className="text-xs text-stone-600">{t("groundsHint")}</p>
          <FieldMessages name="grounds" errors={errors} ns="answers" />
          <div className="mt-2 space-y-2">
            {grounds.map((g) => {
              const checked = live.grounds.includes(g.code);
              return (
                <div key={g.code} className="rounded-md border border-stone-200 p-2" data-ground={g.code}>
                  <CheckboxField
                    name="grounds[]"
                    value={g.code}
                    label={`${localized(g, "label", locale)}${g.article ? ` — ${g.article}` : ""}`}
                    defaultChecked={values.grounds.includes(g.code)}
                  />
                  <div className={checked ? "mt-2 grid gap-2 pl-6 sm:grid-cols-[2fr_1fr]" : "hidden"}>
                    <TextArea name={`groundWords.${g.code}`} label={t("groundWords")} errors={errors} defaultValue={values.groundWords[g.code] ?? ""} rows={2} />
                    <TextField name={`groundArticle.${g.code}`} label={t("groundArticle")} errors={errors} defaultValue={values.groundArticle[g.code] ?? ""} />
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="alternative-title" className="space-y-3">
        <h2 id="alternative-title" className="text-lg font-semibold">
          {t("alternativeSection")}
        </h2>
        <CheckboxField name="alternativeOffered" label={t("alternativeOffered")} defaultChecked={values.alternativeOffered} errors={errors} />
        <TextArea name="alternativeDetails" label={t("alternativeDetails")} errors={errors} defaultValue={values.alternativeDetails} rows={2} />
        <TextField name="conflictingBookingHolder" label={t("conflictingBookingHolder")} hint={t("conflictingBookingHolderHint")} errors={errors} defaultValue={values.conflictingBookingHolder} />
        {needsAlternativeNote(live.grounds, live.alternativeOffered, live.outcomes) ? <AlternativeNote /> : null}
      </section>

      <section aria-labelledby="evidence-title" className="space-y-3">
        <h2 id="evidence-title" className="text-lg font-semibold">
          {t("evidence")}
        </h2>
        <p className="text-sm text-stone-600">{t("evidenceHint")}</p>
        <FieldMessages name="evidence" errors={errors} ns="answers" />
        {evidence.map((row, i) => {
          const n = (f: string) => `evidence.${i}.${f}`;
          return (
            <fieldset key={row.key} className="rounded-md border border-stone-200 p-3 sm:p-4" data-evidence-row={i}>
              <legend className="px-1 text-sm font-semibold">{t("evidenceLegend", { number: i + 1 })}</legend>
              {row.value.id ? <input type="hidden" name={n("id")} value={row.value.id} /> : null}
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  name={n("stance")}
                  label={t("stance")}
                  errors={errors}
                  defaultValue={row.value.stance}
                  options={EVIDENCE_STANCES.map((s) => ({ value: s, label: tv(`stance.${s}`) }))}
                />
                <TextField name={n("observer")} label={t("observer")} errors={errors} defaultValue={row.value.observer} />
                <TextField name={n("observedOn")} label={t("observedOn")} type="date" errors={errors} defaultValue={row.value.observedOn} />
                <SelectField
                  name={n("observedOnPrecision")}
                  label={t("precision")}
                  errors={errors}
                  defaultValue={row.value.observedOnPrecision}
                  options={DATE_PRECISIONS.map((p) => ({ value: p, label: tv(`precision.${p}`) }))}
                />
                <TextArea name={n("description")} label={t("description")} required errors={errors} defaultValue={row.value.description} className="sm:col-span-2" />
              </div>
              <div className="mt-3 text-right text-sm">
                <button
                  type="button"
                  onClick={() => setEvidence((rows) => rows.filter((r) => r.key !== row.key))}
                  className="rounded-md border border-stone-300 px-3 py-1 text-stone-800 hover:bg-stone-100"
                >
                  {t("removeEvidence", { number: i + 1 })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => setEvidence((rows) => [...rows, { key: `e${nextKey.current++}`, value: emptyEvidence() }])}
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
        >
          + {t("addEvidence")}
        </button>
      </section>

      <TextArea name="notes" label={t("notes")} errors={errors} defaultValue={values.notes} />
    </div>
  );
}

function AnswerConflict({ current, parts, grounds }: { current: AnswerSnapshot; parts: AnswerFormPart[]; grounds: AnswerFormGround[] }) {
  const t = useTranslations("answers");
  const tv = useTranslations("vocab");
  const locale = useLocale() as Locale;
  const partLabel = (id: string) => {
    const p = parts.find((x) => x.id === id);
    return p ? (tv.has(`form.${p.form}`) ? tv(`form.${p.form}`) : p.form) : id;
  };
  const groundLabel = (code: string) => {
    const g = grounds.find((x) => x.code === code);
    return g ? (localized(g, "label", locale)) : code;
  };
  return (
    <aside aria-labelledby="answer-conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-conflict>
      <h2 id="answer-conflict-title" className="font-semibold">
        {t("conflict.title")}
      </h2>
      <p className="mt-1 text-stone-700">{t("conflict.text")}</p>
      <dl className="mt-2 space-y-2">
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.receivedOn")}</dt>
          <dd>{current.receivedOn ? <DateText value={current.receivedOn} precision={current.receivedOnPrecision} /> : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.referenceNumber")}</dt>
          <dd>{current.referenceNumber || "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.outcomes")}</dt>
          <dd>
            <ul className="list-disc pl-4">
              {current.outcomes.map((o) => (
                <li key={o.partId}>
                  {partLabel(o.partId)}: {tv(`partOutcome.${o.outcome}`)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.statedReason")}</dt>
          <dd className="whitespace-pre-wrap">{current.statedReason || "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.grounds")}</dt>
          <dd>{current.grounds.map(groundLabel).join(", ") || "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.alternativeOffered")}</dt>
          <dd>{current.alternativeOffered ? current.alternativeDetails || "✓" : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-stone-600">{t("form.evidence")}</dt>
          <dd>{current.evidence.length}</dd>
        </div>
      </dl>
    </aside>
  );
}
