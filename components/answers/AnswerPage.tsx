// The shell of the new/edit answer pages: which application, and the form.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/PageHeader";
import type { AnswerFormContext } from "@/lib/data/answers";
import type { DocumentText } from "@/lib/data/ocr-text";
import type { FormState } from "@/lib/actions/form-state";
import { AnswerForm } from "./AnswerForm";
import type { AnswerValues } from "./values";

export async function AnswerPage({
  mode,
  ctx,
  initial,
  action,
}: {
  mode: "create" | "edit";
  ctx: AnswerFormContext & { documents?: DocumentText[] };
  initial: AnswerValues;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = await getTranslations("answers");
  return (
    <div className="max-w-4xl">
      <PageHeader title={mode === "create" ? t("new.title") : t("edit.title")} subtitle={ctx.app.title} />
      <AnswerForm mode={mode} action={action} parts={ctx.app.parts} grounds={ctx.grounds} initial={initial} cancelHref={`/applications/${ctx.app.id}`} documents={ctx.documents} />
    </div>
  );
}
