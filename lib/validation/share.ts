// Share links and the standards texts: what the forms may send. Messages are catalogue keys.
import { z } from "zod";
import { checkbox, id, line, requiredLine, text } from "./common";
import { SHARE_SECTIONS } from "../domain/vocabulary";
import { MIN_PASSWORD_LENGTH } from "../auth/password";

export const SHARE_DEFAULT_DAYS = 30;
export const SHARE_MAX_DAYS = 365;

export const createShareLinkSchema = z.object({
  applicationId: id,
  expiresInDays: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === "" ? SHARE_DEFAULT_DAYS : Number(s)))
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= SHARE_MAX_DAYS, { error: "invalid_number" }),
  // Same floor as account passwords: a lawyer types it once, a guesser would have to try many.
  passcode: z
    .string()
    .optional()
    .transform((s) => s ?? "")
    .refine((s) => s === "" || s.length >= MIN_PASSWORD_LENGTH, { error: "password_too_short" })
    .refine((s) => s.length <= 200, { error: "too_long" }),
  sections: z.array(z.enum(SHARE_SECTIONS, { error: "invalid_choice" })).optional().default([]),
  includePersonal: checkbox,
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ linkId: id });

export const updateStandardSchema = z.object({
  id,
  fingerprint: line(100),
  titleEn: requiredLine(),
  titleRu: requiredLine(),
  bodyEn: text().min(1, { error: "required" }),
  bodyRu: text().min(1, { error: "required" }),
  // Optional: a Kazakh reader sees the Russian where the Kazakh is empty.
  titleKk: line().prefault(""),
  bodyKk: text().prefault(""),
  groundCodes: line(1000).transform((s) =>
    [...new Set(s.split(",").map((c) => c.trim()).filter(Boolean))].join(","),
  ),
});
export type UpdateStandardInput = z.infer<typeof updateStandardSchema>;
