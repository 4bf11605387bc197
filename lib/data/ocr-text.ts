import "server-only";
// The recognised text of a case's documents, for its members' forms: the answer form offers
// the text of the answer's own attachments and of the case's documents of kind "answer" (the
// authority's letters) to take the verbatim reason from.
import { db } from "../db";
import { can, type Actor } from "../auth/access";
import { splitSentences } from "../ocr/sentences";

export interface DocumentText {
  id: string;
  title: string;
  ocrStatus: string;
  text: string;
  /** The text cut into sentences, each offered as the reason (without JavaScript too). */
  sentences: string[];
}

/** Documents of an answer (or, for a new answer, the case's answer letters), members only. */
export async function answerDocumentTexts(actor: Actor | null, app: { id: string; groupId: string }, answerId?: string | null): Promise<DocumentText[]> {
  if (!can(actor, app.groupId, "viewer")) return [];
  const rows = await db.attachment.findMany({
    where: {
      groupId: app.groupId,
      deletedAt: null,
      OR: [{ applicationId: app.id, kind: "answer" }, ...(answerId ? [{ subjectType: "answer", subjectId: answerId }] : [])],
      ocrStatus: { in: ["pending", "running", "done"] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, fileName: true, ocrStatus: true, ocrText: true },
    take: 20,
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title || r.fileName,
    ocrStatus: r.ocrStatus,
    text: r.ocrStatus === "done" ? r.ocrText : "",
    sentences: r.ocrStatus === "done" ? splitSentences(r.ocrText).map((s) => s.slice(0, 2000)) : [],
  }));
}
