import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { updateAnswerAction } from "@/lib/actions/answers";
import { AnswerPage } from "@/components/answers/AnswerPage";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadAnswerContext } from "@/components/answers/load";
import { answerFromRecord } from "@/components/answers/values";
import { AnswerDocuments } from "@/components/attachments/AnswerDocuments";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("answers.edit");
  return { title: t("title") };
}

export default async function EditAnswerPage({ params }: { params: Promise<{ id: string; answerId: string }> }) {
  const { id, answerId } = await params;
  const actor = await requirePageActor(`/applications/${id}/answers/${answerId}/edit`);
  const { ctx } = await loadAnswerContext(actor, id, answerId);
  if (!ctx) return <Forbidden />;
  if (!ctx.answer) notFound();
  return (
    <>
      <AnswerPage mode="edit" ctx={ctx} action={updateAnswerAction} initial={answerFromRecord(ctx.answer, ctx.app.parts.map((p) => p.id))} />
      <AnswerDocuments actor={actor} applicationId={id} answerId={answerId} />
    </>
  );
}
