import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { deleteAppealAction, deleteRulingAction, updateAppealAction } from "@/lib/actions/appeals";
import { getStageForEdit, listAppealBodies } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { AppealStageForm } from "@/components/appeals/AppealStageForm";
import { ConfirmDeleteForm } from "@/components/appeals/ConfirmDeleteForm";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.pages");
  return { title: t("editTitle") };
}

export default async function EditAppealPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requirePageActor(`/appeals/${stageId}/edit`);
  const [t, loaded, bodies] = await Promise.all([getTranslations("appeals.pages"), loadForPage(() => getStageForEdit(actor, stageId)), listAppealBodies(actor)]);
  if (loaded.forbidden) return <Forbidden />;
  const s = loaded.value;
  const back = `/applications/${s.application.id}`;
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("editTitle")} subtitle={<Link href={back}>{s.application.title}</Link>} />
      <AppealStageForm
        action={updateAppealAction}
        bodies={bodies}
        cancelHref={`${back}#appeals`}
        initial={{
          id: s.id,
          version: String(s.version),
          applicationId: s.application.id,
          kind: s.kind,
          filedOn: s.filedOn ?? "",
          filedOnPrecision: s.filedOnPrecision,
          bodyId: s.bodyId ?? "",
          bodyName: s.bodyName,
          caseNumber: s.caseNumber,
          authorityArguments: s.authorityArguments,
          notes: s.notes,
        }}
      />
      <section aria-labelledby="danger-title" className="mt-10 max-w-3xl rounded-md border border-red-200 p-4">
        <h2 id="danger-title" className="mb-2 font-semibold">{t("dangerTitle")}</h2>
        <ul className="space-y-2 text-sm">
          {s.ruling ? (
            <li>
              {t("deleteRulingText")} <ConfirmDeleteForm action={deleteRulingAction} fields={{ id: s.id }} label={t("deleteRuling")} confirm={t("deleteRulingConfirm")} />
            </li>
          ) : null}
          <li>
            {t("deleteStageText")} <ConfirmDeleteForm action={deleteAppealAction} fields={{ id: s.id }} label={t("deleteStage")} confirm={t("deleteStageConfirm")} />
          </li>
        </ul>
      </section>
    </div>
  );
}
