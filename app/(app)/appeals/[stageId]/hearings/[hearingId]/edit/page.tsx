import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { updateHearingAction } from "@/lib/actions/appeals";
import { getHearingForEdit } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { HearingForm } from "@/components/appeals/HearingForm";
import { StageSummary } from "@/components/appeals/StageSummary";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.pages");
  return { title: t("editHearingTitle") };
}

export default async function EditHearingPage({ params }: { params: Promise<{ stageId: string; hearingId: string }> }) {
  const { stageId, hearingId } = await params;
  const actor = await requirePageActor(`/appeals/${stageId}/hearings/${hearingId}/edit`);
  const [t, loaded] = await Promise.all([getTranslations("appeals.pages"), loadForPage(() => getHearingForEdit(actor, stageId, hearingId))]);
  if (loaded.forbidden) return <Forbidden />;
  const { stage: s, hearing: h } = loaded.value;
  const back = `/applications/${s.application.id}`;
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("editHearingTitle")} subtitle={<Link href={back}>{s.application.title}</Link>} />
      <StageSummary stage={s} />
      <HearingForm
        action={updateHearingAction}
        stageId={s.id}
        cancelHref={`${back}#hearing-${h.id}`}
        initial={{
          id: h.id,
          version: String(h.version),
          heldOn: h.heldOn ?? "",
          heldOnPrecision: h.heldOnPrecision,
          time: h.time,
          authorityArguments: h.authorityArguments,
          applicantArguments: h.applicantArguments,
          notes: h.notes,
        }}
      />
    </div>
  );
}
