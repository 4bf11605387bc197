import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { updateRulingAction } from "@/lib/actions/appeals";
import { getStageForEdit } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { RulingForm } from "@/components/appeals/RulingForm";
import { StageSummary } from "@/components/appeals/StageSummary";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.pages");
  return { title: t("editRulingTitle") };
}

export default async function EditRulingPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requirePageActor(`/appeals/${stageId}/ruling/edit`);
  const [t, loaded] = await Promise.all([getTranslations("appeals.pages"), loadForPage(() => getStageForEdit(actor, stageId))]);
  if (loaded.forbidden) return <Forbidden />;
  const s = loaded.value;
  const r = s.ruling;
  if (!r) notFound();
  const back = `/applications/${s.application.id}`;
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("editRulingTitle")} subtitle={<Link href={back}>{s.application.title}</Link>} />
      <StageSummary stage={s} />
      <RulingForm
        action={updateRulingAction}
        stageId={s.id}
        cancelHref={`${back}#appeals`}
        initial={{
          id: r.id,
          version: String(r.version),
          decidedOn: r.decidedOn ?? "",
          decidedOnPrecision: r.decidedOnPrecision,
          outcome: r.outcome,
          summary: r.summary,
          text: r.text,
        }}
      />
    </div>
  );
}
