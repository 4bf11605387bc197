// The case page's appeals: each stage with its hearings and ruling. The time left for the next
// step is the case page's deadline box, on top.
import { Documents } from "@/components/attachments/Documents";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, Card, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { secondaryLink } from "@/components/ui/PageHeader";
import { SourceLinks } from "@/components/incidents/SourceLinks";
import { deleteHearingAction } from "@/lib/actions/appeals";
import type { CaseData } from "@/lib/data/cases";
import { ConfirmDeleteForm } from "./ConfirmDeleteForm";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/i18n/Localized";

type Stage = CaseData["appealStages"][number];

export function AppealsSection({ data }: { data: CaseData }) {
  const t = useTranslations("appeals.section");
  const stages = data.appealStages;
  const fileHref = data.canEdit ? `/applications/${data.id}/appeals/new` : null;
  return (
    <Card
      id="appeals"
      title={t("title")}
      actions={
        fileHref ? (
          <Link href={fileHref} className={secondaryLink}>
            {t("file")}
          </Link>
        ) : null
      }
    >
      {stages.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-4">
          {stages.map((s) => (
            <li key={s.id}>
              <StageCard stage={s} data={data} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function StageCard({ stage, data }: { stage: Stage; data: CaseData }) {
  const t = useTranslations("appeals.section");
  const tv = useTranslations("vocab");
  const locale = useLocale() as Locale;
  const body = stage.body ? localized(stage.body, "name", locale) : stage.bodyName;
  const outcome = stage.ruling?.outcome ?? "pending";
  return (
    <article aria-labelledby={`stage-${stage.id}`} className="rounded-md border border-stone-200 p-3 sm:p-4" id={`appeal-${stage.id}`}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`stage-${stage.id}`} className="font-semibold">
          {tv.has(`appealKind.${stage.kind}`) ? tv(`appealKind.${stage.kind}`) : stage.kind}
          <SourceLinks citations={data.citations} recordId={stage.id} />
        </h3>
        <Badge tone={outcomeTone(outcome)}>{tv.has(`rulingOutcome.${outcome}`) ? tv(`rulingOutcome.${outcome}`) : outcome}</Badge>
      </header>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-stone-600">{t("filed")}</dt>
          <dd>
            <DateText value={stage.filedOn} precision={stage.filedOnPrecision} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-600">{t("body")}</dt>
          <dd>{body || "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-600">{t("caseNumber")}</dt>
          <dd className="break-words">{stage.caseNumber || "—"}</dd>
        </div>
      </dl>
      {stage.authorityArguments ? <Block label={t("authorityArguments")} text={<Localized record={stage} field="authorityArguments" />} /> : null}
      {stage.notes ? <Block label={t("notes")} text={<Localized record={stage} field="notes" />} /> : null}
      <Documents data={data} subjectType="appealStage" subjectId={stage.id} />

      <section aria-label={t("hearings")} className="mt-3">
        <h4 className="text-sm font-medium">{t("hearings")}</h4>
        {stage.hearings.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noHearings")}</p>
        ) : (
          <ol className="mt-1 space-y-2 border-l-2 border-stone-200 pl-3">
            {stage.hearings.map((h) => (
              <li key={h.id} className="text-sm" id={`hearing-${h.id}`}>
                <p className="font-medium">
                  <DateText value={h.heldOn} precision={h.heldOnPrecision} />
                  {h.time ? `, ${h.time}` : ""}
                  <SourceLinks citations={data.citations} recordId={h.id} />
                  {data.canEdit ? (
                    <Link href={`/appeals/${stage.id}/hearings/${h.id}/edit`} className="ml-3 font-normal">
                      {t("editHearing")}
                    </Link>
                  ) : null}
                  {data.canEdit ? <ConfirmDeleteForm action={deleteHearingAction} fields={{ id: h.id }} label={t("deleteHearing")} confirm={t("deleteHearingConfirm")} className="ml-3 font-normal" /> : null}
                </p>
                {h.authorityArguments ? <Block label={t("hearingAuthority")} text={<Localized record={h} field="authorityArguments" />} /> : null}
                {h.applicantArguments ? <Block label={t("hearingApplicants")} text={h.applicantArguments} /> : null}
                {h.notes ? <Block label={t("notes")} text={h.notes} /> : null}
                <Documents data={data} subjectType="hearing" subjectId={h.id} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {stage.ruling ? (
        <section aria-label={t("ruling")} className="mt-3 rounded-md bg-stone-50 p-3 text-sm">
          <h4 className="font-medium">
            {t("rulingOf")} <DateText value={stage.ruling.decidedOn} precision={stage.ruling.decidedOnPrecision} />
            <SourceLinks citations={data.citations} recordId={stage.ruling.id} />
            {data.canEdit ? (
              <Link href={`/appeals/${stage.id}/ruling/edit`} className="ml-3 font-normal">
                {t("editRuling")}
              </Link>
            ) : null}
          </h4>
          {stage.ruling.summary ? (
            <p className="mt-1 whitespace-pre-wrap">
              <Localized record={stage.ruling} field="summary" />
            </p>
          ) : null}
          {stage.ruling.text ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-brand-700">{t("showText")}</summary>
              <p className="mt-2 whitespace-pre-wrap">{stage.ruling.text}</p>
            </details>
          ) : null}
          <Documents data={data} subjectType="ruling" subjectId={stage.ruling.id} />
        </section>
      ) : null}

      {data.canEdit ? (
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/appeals/${stage.id}/edit`}>{t("edit")}</Link>
          <Link href={`/appeals/${stage.id}/hearings/new`}>{t("addHearing")}</Link>
          {stage.ruling ? null : <Link href={`/appeals/${stage.id}/ruling`}>{t("recordRuling")}</Link>}
        </p>
      ) : null}
    </article>
  );
}

function Block({ label, text }: { label: string; text: React.ReactNode }) {
  return (
    <div className="mt-2 text-sm">
      <p className="text-xs text-stone-600">{label}</p>
      <p className="whitespace-pre-wrap break-words">{text}</p>
    </div>
  );
}
