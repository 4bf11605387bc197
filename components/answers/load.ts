import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/access";
import { answerFormContext } from "@/lib/data/answers";
import { answerDocumentTexts } from "@/lib/data/ocr-text";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** The answer form's data, or the page's 404 / "your role does not allow this". */
export async function loadAnswerContext(actor: Actor, applicationId: string, answerId?: string) {
  try {
    const ctx = await answerFormContext(actor, applicationId, answerId);
    // The recognised text of the answer's documents, to take the verbatim reason from.
    const documents = await answerDocumentTexts(actor, ctx.app, ctx.answer?.id);
    return { ctx: { ...ctx, documents }, forbidden: false as const };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) return { ctx: null, forbidden: true as const };
    throw e;
  }
}
