import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { recordRulingAction } from "@/lib/actions/appeals";
import { getStageForEdit } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { RulingForm } from "@/components/appeals/RulingForm";
import { StageSummary } from "@/components/appeals/StageSummary";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.pages");
  return { title: t("rulingTitle") };
}

export default async function RulingPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requirePageActor(`/appeals/${stageId}/ruling`);
  const [t, te, loaded] = await Promise.all([getTranslations("appeals.pages"), getTranslations("errors"), loadForPage(() => getStageForEdit(actor, stageId))]);
  if (loaded.forbidden) return <Forbidden />;
  const s = loaded.value;
  const back = `/applications/${s.application.id}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("rulingTitle")} subtitle={<Link href={back}>{s.application.title}</Link>} />
      <StageSummary stage={s} />
      {s.ruling ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {te("stage_already_ruled")} <Link href={`/appeals/${s.id}/ruling/edit`}>{t("rulingAlreadyHint")}</Link>
        </p>
      ) : (
        <RulingForm action={recordRulingAction} stageId={s.id} cancelHref={`${back}#appeals`} />
      )}
    </div>
  );
}
