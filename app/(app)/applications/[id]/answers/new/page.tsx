import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { recordAnswerAction } from "@/lib/actions/answers";
import { AnswerPage } from "@/components/answers/AnswerPage";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadAnswerContext } from "@/components/answers/load";
import { emptyAnswer } from "@/components/answers/values";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("answers.new");
  return { title: t("title") };
}

export default async function NewAnswerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/applications/${id}/answers/new`);
  const { ctx } = await loadAnswerContext(actor, id);
  if (!ctx) return <Forbidden />;
  return <AnswerPage mode="create" ctx={ctx} action={recordAnswerAction} initial={emptyAnswer(ctx.app.id, ctx.app.parts.map((p) => p.id))} />;
}
