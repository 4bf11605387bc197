import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { addHearingAction } from "@/lib/actions/appeals";
import { getStageForEdit } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { HearingForm } from "@/components/appeals/HearingForm";
import { StageSummary } from "@/components/appeals/StageSummary";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.pages");
  return { title: t("hearingTitle") };
}

export default async function NewHearingPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requirePageActor(`/appeals/${stageId}/hearings/new`);
  const [t, loaded] = await Promise.all([getTranslations("appeals.pages"), loadForPage(() => getStageForEdit(actor, stageId))]);
  if (loaded.forbidden) return <Forbidden />;
  const s = loaded.value;
  const back = `/applications/${s.application.id}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("hearingTitle")} subtitle={<Link href={back}>{s.application.title}</Link>} />
      <StageSummary stage={s} />
      <HearingForm action={addHearingAction} stageId={s.id} cancelHref={`${back}#appeals`} />
    </div>
  );
}
