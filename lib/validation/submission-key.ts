// The key a create form carries so that the same submission saves once (an offline draft sent
// again after a dropped connection, a double click). Made by the browser (or the page, before
// JavaScript): random, URL-safe; anything else is refused rather than guessed at.
import { z } from "zod";

export const submissionKey = z
  .string({ error: "invalid" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "invalid" })
  .optional()
  .or(z.literal("").transform(() => undefined));

export type SubmissionKeyValue = z.infer<typeof submissionKey>;
