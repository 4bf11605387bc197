// One answer from the authority: the outcome per part, its reason in its own words, the
// grounds and article it cites, what it offered instead, and what contests it.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { AlternativeNote, needsAlternativeNote } from "@/components/answers/AlternativeNote";
import type { CaseData } from "@/lib/data/cases";
import { CitationLinks } from "./CitationLinks";
import { Documents } from "@/components/attachments/Documents";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/i18n/Localized";

type Answer = CaseData["answers"][number];

export function AnswerCard({ answer, data, number }: { answer: Answer; data: CaseData; number: number }) {
  const t = useTranslations("cases.answer");
  const tv = useTranslations("vocab");
  const locale = useLocale() as Locale;
  const parts = new Map(data.parts.map((p) => [p.id, p]));
  const outcomeLabel = (o: string) => (tv.has(`partOutcome.${o}`) ? tv(`partOutcome.${o}`) : o);
  const codes = answer.grounds.map((g) => g.ground.code);
  return (
    <article id={`answer-${answer.id}`} aria-labelledby={`answer-${answer.id}-title`} className="scroll-mt-24 rounded-md border border-stone-200 p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`answer-${answer.id}-title`} className="font-semibold">
          {t("title", { number })} · <DateText value={answer.receivedOn} precision={answer.receivedOnPrecision} />
          {answer.referenceNumber ? <span className="font-normal text-stone-600"> · {t("reference", { number: answer.referenceNumber })}</span> : null}
          <CitationLinks citations={data.citations} recordId={answer.id} />
        </h3>
        <div className="flex items-center gap-2">
          <Badge tone={outcomeTone(answer.outcome)}>{outcomeLabel(answer.outcome)}</Badge>
          {data.canEdit ? (
            <Link href={`/applications/${data.id}/answers/${answer.id}/edit`} className="no-print text-sm">
              {t("edit")}
            </Link>
          ) : null}
        </div>
      </div>

      {answer.partOutcomes.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {answer.partOutcomes.map((o) => {
            const p = parts.get(o.partId);
            return (
              <li key={o.id}>
                <span className="font-medium">{p ? (tv.has(`form.${p.form}`) ? tv(`form.${p.form}`) : p.form) : "—"}</span>: <Badge tone={outcomeTone(o.outcome)}>{outcomeLabel(o.outcome)}</Badge>
                {o.limits ? <span className="text-stone-700"> — {t("limits")}: {o.limits}</span> : null}
                {o.alternative ? <span className="text-stone-700"> — {t("alternativeProposed")}: {o.alternative}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}

      {answer.statedReason ? (
        <figure className="mt-3">
          <figcaption className="text-xs font-medium uppercase tracking-wide text-stone-600">{t("statedReason")}</figcaption>
          <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-stone-300 pl-3 text-sm italic text-stone-900">{answer.statedReason}</blockquote>
        </figure>
      ) : (
        <p className="mt-3 text-sm text-stone-600">{t("noReason")}</p>
      )}
      {answer.articleCited ? (
        <p className="mt-2 text-sm">
          <span className="text-stone-600">{t("articleCited")}:</span> {answer.articleCited}
        </p>
      ) : null}

      {answer.grounds.length ? (
        <div className="mt-3">
          <h4 className="text-xs font-medium uppercase tracking-wide text-stone-600">{t("grounds")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {answer.grounds.map((g) => (
              <li key={g.id} data-ground={g.ground.code}>
                <span className="font-medium">{localized(g.ground, "label", locale)}</span>
                {g.articleCited || g.ground.article ? <span className="text-stone-600"> ({g.articleCited || g.ground.article})</span> : null}
                {g.words ? <q className="ml-1 italic">{g.words}</q> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <dl className="mt-3 grid gap-1 text-sm">
        <div>
          <dt className="inline text-stone-600">{t("alternativeOffered")}: </dt>
          <dd className="inline">{answer.alternativeOffered ? answer.alternativeDetails || t("yes") : t("no")}</dd>
        </div>
        {answer.conflictingBookingHolder ? (
          <div>
            <dt className="inline text-stone-600">{t("bookingHolder")}: </dt>
            <dd className="inline">
              <Localized record={answer} field="conflictingBookingHolder" />
            </dd>
          </div>
        ) : null}
      </dl>

      {needsAlternativeNote(codes, answer.alternativeOffered, answer.partOutcomes.map((o) => o.outcome)) ? (
        <div className="mt-3">
          <AlternativeNote receivedOn={answer.receivedOn} />
        </div>
      ) : null}

      {answer.evidence.length ? (
        <div className="mt-3">
          <h4 className="text-xs font-medium uppercase tracking-wide text-stone-600">{t("evidence")}</h4>
          <ul className="mt-1 space-y-2 text-sm">
            {answer.evidence.map((e) => (
              <li key={e.id} id={`evidence-${e.id}`} className="rounded bg-stone-50 p-2">
                <Badge tone={e.stance === "contests" ? "amber" : "stone"}>{tv.has(`stance.${e.stance}`) ? tv(`stance.${e.stance}`) : e.stance}</Badge>{" "}
                <DateText value={e.observedOn} precision={e.observedOnPrecision} />
                {e.observer ? (
                  <span className="text-stone-700">
                    {" "}
                    · <Localized record={e} field="observer" mark={false} />
                  </span>
                ) : null}
                <CitationLinks citations={data.citations} recordId={e.id} />
                <p className="mt-1 whitespace-pre-wrap">
                  <Localized record={e} field="description" />
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {answer.notes ? (
        <p className="mt-3 whitespace-pre-wrap text-sm text-stone-700">
          <Localized record={answer} field="notes" />
        </p>
      ) : null}
      <Documents data={data} subjectType="answer" subjectId={answer.id} />
    </article>
  );
}

export function AnswersSection({ data }: { data: CaseData }) {
  const t = useTranslations("cases.answer");
  const tv = useTranslations("vocab");
  return (
    <section id="answers" aria-labelledby="answers-title" className="card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="answers-title" className="text-lg font-semibold">
          {tv("section.answers")}
        </h2>
        {data.canEdit ? (
          <Link href={`/applications/${data.id}/answers/new`} className="no-print text-sm">
            + {t("record")}
          </Link>
        ) : null}
      </div>
      {data.answers.length === 0 ? (
        <p className="text-sm text-stone-600">{t("none")}</p>
      ) : (
        <div className="space-y-3">
          {data.answers.map((a, i) => (
            <AnswerCard key={a.id} answer={a} data={data} number={i + 1} />
          ))}
        </div>
      )}
    </section>
  );
}
