import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { fileAppealAction } from "@/lib/actions/appeals";
import { getAppealFormContext, listAppealBodies } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { AppealStageForm } from "@/components/appeals/AppealStageForm";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.pages");
  return { title: t("newTitle") };
}

export default async function NewAppealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/applications/${id}/appeals/new`);
  const [t, te, loaded, bodies] = await Promise.all([getTranslations("appeals.pages"), getTranslations("errors"), loadForPage(() => getAppealFormContext(actor, id)), listAppealBodies(actor)]);
  if (loaded.forbidden) return <Forbidden />;
  const ctx = loaded.value;
  const back = `/applications/${ctx.application.id}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newTitle")} subtitle={<Link href={back}>{ctx.application.title}</Link>} />
      {ctx.blocked ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {te(ctx.blocked)} <Link href={back}>{t("backToCase")}</Link>
        </p>
      ) : (
        <AppealStageForm
          action={fileAppealAction}
          bodies={bodies}
          cancelHref={`${back}#appeals`}
          initial={{ id: "", version: "", applicationId: ctx.application.id, kind: ctx.suggestedKind, filedOn: "", filedOnPrecision: "day", bodyId: "", bodyName: "", caseNumber: "", authorityArguments: "", notes: "" }}
        />
      )}
    </div>
  );
}
