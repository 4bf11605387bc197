// Who asked whom for what, and where the case stands (status) apart from how it went (outcome).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { buttonLink, secondaryLink } from "@/components/ui/PageHeader";
import { PublishToggle } from "@/components/applications/PublishToggle";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import type { CaseData } from "@/lib/data/cases";
import { CitationLinks } from "./CitationLinks";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/i18n/Localized";

export function CaseHeader({ data }: { data: CaseData }) {
  const t = useTranslations("cases.header");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const authority = data.authority ? localized(data.authority, "name", locale) : null;
  const organizers = data.organizers.map((o) => o.group.name);
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-stone-600">{label}:</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">
            <Localized record={data} field="title" />
            <CitationLinks citations={data.citations} recordId={data.id} />
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-stone-600">{t("status")}</span>
            <Badge tone="blue">{tv(`status.${data.status}`)}</Badge>
            <span className="text-stone-600">{t("outcome")}</span>
            <Badge tone={outcomeTone(data.outcome)}>{tv.has(`partOutcome.${data.outcome}`) ? tv(`partOutcome.${data.outcome}`) : data.outcome}</Badge>
            <Badge>{data.isPublic ? tc("public") : tc("private")}</Badge>
          </div>
        </div>
        {data.isMember ? (
          <div className="no-print flex flex-wrap gap-2">
            <Link href={`/applications/${data.id}/case-file`} className={secondaryLink}>
              {t("caseFile")}
            </Link>
            {data.canEdit ? (
              <>
                <Link href={`/applications/${data.id}/edit`} className={secondaryLink}>
                  {t("edit")}
                </Link>
                <Link href={`/applications/${data.id}/answers/new`} className={buttonLink}>
                  {t("recordAnswer")}
                </Link>
                {data.canOwnerEdit ? (
                  <ClientMessages namespaces={["applications"]}>
                    <PublishToggle id={data.id} isPublic={data.isPublic} />
                  </ClientMessages>
                ) : null}
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <dl className="grid gap-1 text-sm sm:grid-cols-2">
        {row(t("procedure"), tv(`procedure.${data.procedure}`))}
        {row(t("owner"), data.group.name)}
        {organizers.length ? row(t("organizers"), organizers.join(", ")) : null}
        {authority ? row(t("authority"), authority) : null}
        {data.city ? row(t("city"), data.city) : null}
        {row(
          t("filed"),
          <>
            <DateText value={data.filedOn} precision={data.filedOnPrecision} />
            {data.filedBefore ? (
              <>
                {" – "}
                <DateText value={data.filedBefore} precision={data.filedOnPrecision} />
              </>
            ) : null}
          </>,
        )}
        {data.registrationNumber ? row(t("registrationNumber"), data.registrationNumber) : null}
        {data.requestCount > 1 ? row(t("batch"), t("requests", { count: data.requestCount })) : null}
      </dl>
      {data.purpose ? (
        <p className="text-sm text-stone-800">
          <Localized record={data} field="purpose" />
        </p>
      ) : null}
      {data.publicNote ? <p className="whitespace-pre-wrap text-sm text-stone-800">{data.publicNote}</p> : null}
      {/* getCase leaves notes empty for everyone outside the owning group. */}
      {data.isMember && data.notes ? (
        <div className="text-sm text-stone-700">
          <p className="font-medium text-stone-600">{t("notesMembersOnly")}</p>
          <p className="whitespace-pre-wrap">
            <Localized record={data} field="notes" />
          </p>
        </div>
      ) : null}
    </header>
  );
}
