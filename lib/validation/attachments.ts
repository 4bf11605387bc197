// Attached documents: what the upload form and the file actions may send. Messages are
// catalogue keys (errors namespace, or documents.errors for the file-specific ones).
import { z } from "zod";
import { checkbox, id, line, optionalDate } from "./common";
import { ATTACHMENT_KINDS, ATTACHMENT_SUBJECTS } from "../domain/vocabulary";

export const attachmentDetailsSchema = z.object({
  subjectType: z.enum(ATTACHMENT_SUBJECTS, { error: "invalid_choice" }),
  subjectId: id,
  kind: z.enum(ATTACHMENT_KINDS, { error: "invalid_choice" }).default("other"),
  title: line(300),
  documentDate: optionalDate,
});
export type AttachmentDetails = z.infer<typeof attachmentDetailsSchema>;

export const publishAttachmentSchema = z.object({ id, isPublic: checkbox, confirmed: checkbox });
export const deleteAttachmentSchema = z.object({ id });
