import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { getActor } from "@/lib/auth/session";
import { getCase } from "@/lib/data/cases";
import { NotFoundError } from "@/lib/errors";
import { CaseHeader } from "@/components/cases/CaseHeader";
import { DeadlineBox } from "@/components/cases/DeadlineBox";
import { PartsList } from "@/components/cases/PartsList";
import { AnswersSection } from "@/components/cases/AnswerCard";
import { Timeline } from "@/components/cases/Timeline";
import { ApplicantsList } from "@/components/cases/ApplicantsList";
import { SourcesList } from "@/components/cases/CitationLinks";
import { HistoryList } from "@/components/cases/HistoryList";
import { AppealsSection } from "@/components/appeals/AppealsSection";
import { EventsSection } from "@/components/events/EventsSection";
import { CaseIncidents } from "@/components/incidents/CaseIncidents";
import { SharePanel } from "@/components/share/SharePanel";
import { CaseFilings } from "@/components/filings/CaseFilings";
import { CaseDocuments } from "@/components/attachments/CaseDocuments";
import { caseNextSteps } from "@/lib/data/next-steps";
import { recordCaseVisit } from "@/lib/data/case-visits";
import { NextStepsPanel } from "@/components/steps/NextStepsPanel";
import { DeadlineOverrideForm } from "@/components/steps/StepForms";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { localized } from "@/lib/i18n/localized";
import { CaseAccessPanel } from "@/components/coalitions/CaseAccessPanel";
import { CaseComments } from "@/components/comments/CaseComments";

type Props = { params: Promise<{ id: string }> };

/** A private case that is not the caller's is a 404, exactly like a missing one. */
async function load(id: string) {
  const [actor, locale] = await Promise.all([getActor(), getLocale()]);
  try {
    // getCase decides what this reader sees: outside the owning group, no notes and no one's personal data.
    return { ...(await getCase(actor, id, { locale: locale as Locale })), actor };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [data, locale] = await Promise.all([load(id), getLocale()]);
  // Private records stay out of search engines even for their members' sessions.
  return { title: localized(data, "title", locale), robots: data.isPublic ? undefined : { index: false, follow: false } };
}

export default async function CasePage({ params }: Props) {
  const { id } = await params;
  const data = await load(id);
  // Members only: who does what next, and the case marked as seen (what changed since is cleared).
  const [steps, t] = await Promise.all([data.isOwnerMember ? caseNextSteps(data.actor, data.id) : null, getTranslations("steps.override"), data.isOwnerMember ? recordCaseVisit(data.actor, data.id, data.groupId) : null]);
  return (
    <div className="space-y-6">
      <CaseHeader data={data} />
      <DeadlineBox deadline={data.deadline} status={data.status} nextHearing={data.nextHearing} fileHref={data.canEdit ? `/applications/${data.id}/appeals/new` : null} today={data.today} alsoRunning={data.alsoRunning} calendarHref={data.isOwnerMember ? `/applications/${encodeURIComponent(data.id)}/calendar` : null}>
        {data.canOwnerEdit && data.deadline ? (
          <section aria-labelledby="override-title" className="no-print mt-3 border-t border-brand-600/20 pt-3">
            <h3 id="override-title" className="mb-1 font-semibold">
              {t("title")}
            </h3>
            <ClientMessages namespaces={["steps"]}>
              <DeadlineOverrideForm applicationId={data.id} current={data.deadline.dueOn} hasOverride={Boolean(data.deadline.override)} />
            </ClientMessages>
          </section>
        ) : null}
      </DeadlineBox>
      {steps ? <NextStepsPanel applicationId={data.id} data={steps} deadlineOn={data.deadline?.dueOn ?? null} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <PartsList data={data} />
          <CaseDocuments data={data} />
          <AnswersSection data={data} />
          <AppealsSection data={data} />
          <EventsSection data={data} />
          <CaseIncidents data={data} />
          <CaseComments data={data} />
        </div>
        <div className="min-w-0 space-y-6">
          <Timeline data={data} />
          <ApplicantsList data={data} />
          <CaseAccessPanel data={data} />
          {data.isOwnerMember ? <CaseFilings applicationId={data.id} canEdit={data.canOwnerEdit} /> : null}
          {data.canOwnerEdit ? <SharePanel data={data} /> : null}
        </div>
      </div>
      <SourcesList citations={data.citations} />
      {data.isMember ? <HistoryList history={data.history} /> : null}
    </div>
  );
}
