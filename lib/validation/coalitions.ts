import { z } from "zod";
import { CASE_ACCESS, MAX_COMMENT, type CommentSubject } from "../domain/vocabulary";
import { id, text } from "./common";

export { CASE_ACCESS, COMMENT_SUBJECTS, MAX_COMMENT, type CaseAccess, type CommentSubject } from "../domain/vocabulary";

/** The owner's admin shares the case with a group (or changes, or with "none" revokes, what it shares). */
export const shareCaseSchema = z.object({
  applicationId: id,
  groupId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "invalid_choice" }),
  access: z.enum(CASE_ACCESS, { error: "invalid_choice" }),
});

/** An admin of the invited group answers (accept, decline) or leaves. */
export const caseAccessRefSchema = z.object({ applicationId: id, groupId: id });

// ───────────────────────────── comments

/** The record a comment is about, as the form's one choice sends it: "answer:<id>". */
const subject = z
  .string({ error: "required" })
  .trim()
  .regex(/^(application|answer|appealStage):[A-Za-z0-9_-]{1,64}$/, { error: "invalid_choice" })
  .transform((s) => {
    const [subjectType, subjectId] = s.split(":") as [CommentSubject, string];
    return { subjectType, subjectId };
  });

export const addCommentSchema = z
  .object({ applicationId: id, subject, body: text(MAX_COMMENT).min(1, { error: "required" }) })
  .transform(({ subject: s, ...rest }) => ({ ...rest, ...s }));

export const editCommentSchema = z.object({ id, body: text(MAX_COMMENT).min(1, { error: "required" }) });
export const deleteCommentSchema = z.object({ id });
