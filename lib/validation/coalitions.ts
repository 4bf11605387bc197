import { z } from "zod";
import { id, text } from "./common";

/** What the owning group shares of a case with a co-organizing group. */
export const CASE_ACCESS = ["none", "read", "edit"] as const;
export type CaseAccess = (typeof CASE_ACCESS)[number];

/** The owner's admin shares the case with a group (or changes, or with "none" revokes, what it shares). */
export const shareCaseSchema = z.object({
  applicationId: id,
  groupId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "invalid_choice" }),
  access: z.enum(CASE_ACCESS, { error: "invalid_choice" }),
});

/** An admin of the invited group answers (accept, decline) or leaves. */
export const caseAccessRefSchema = z.object({ applicationId: id, groupId: id });

// ───────────────────────────── comments

export const COMMENT_SUBJECTS = ["application", "answer", "appealStage"] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];
export const MAX_COMMENT = 4_000;

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
