// The answer's documents under its edit form: the scanned letter is attached where the answer
// is typed in. (A form cannot hold another form, so this block sits below the answer form.)
import { getLocale } from "next-intl/server";
import type { Actor } from "@/lib/auth/access";
import type { Locale } from "@/lib/i18n/config";
import { getCase } from "@/lib/data/cases";
import { Documents } from "./Documents";

export async function AnswerDocuments({ actor, applicationId, answerId }: { actor: Actor; applicationId: string; answerId: string }) {
  const data = await getCase(actor, applicationId, { locale: (await getLocale()) as Locale });
  return (
    <div className="mt-6 max-w-4xl rounded-md border border-stone-200 p-4">
      <Documents data={data} subjectType="answer" subjectId={answerId} returnTo={`/applications/${applicationId}/answers/${answerId}/edit`} />
    </div>
  );
}
