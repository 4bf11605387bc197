import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/access";
import { answerFormContext } from "@/lib/data/answers";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** The answer form's data, or the page's 404 / "your role does not allow this". */
export async function loadAnswerContext(actor: Actor, applicationId: string, answerId?: string) {
  try {
    return { ctx: await answerFormContext(actor, applicationId, answerId), forbidden: false as const };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) return { ctx: null, forbidden: true as const };
    throw e;
  }
}
