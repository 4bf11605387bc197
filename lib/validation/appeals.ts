// Appeal stages, their hearings and rulings. Messages are catalogue keys (errors namespace).
import { z } from "zod";
import { APPEAL_KINDS, RULING_OUTCOMES } from "../domain/vocabulary";
import { choice, id, line, optionalDate, precision, text, time, version } from "./common";

/** "" (nothing chosen in the select) → null. */
const optionalId = z
  .string()
  .trim()
  .max(64, { error: "invalid" })
  .optional()
  .transform((s) => (s ? s : null));

export const appealStageFields = z.object({
  kind: choice(APPEAL_KINDS),
  filedOn: optionalDate.prefault(""),
  filedOnPrecision: precision,
  bodyId: optionalId,
  bodyName: line(300).prefault(""),
  caseNumber: line(120).prefault(""),
  authorityArguments: text().prefault(""),
  notes: text().prefault(""),
});

export const fileAppealSchema = appealStageFields.extend({ applicationId: id });
export const updateAppealSchema = appealStageFields.extend({ id, version });

export const hearingSchema = z.object({
  stageId: id,
  heldOn: optionalDate.prefault(""),
  heldOnPrecision: precision,
  time: time.prefault(""),
  authorityArguments: text().prefault(""),
  applicantArguments: text().prefault(""),
  notes: text().prefault(""),
});

export const rulingSchema = z.object({
  stageId: id,
  decidedOn: optionalDate.prefault(""),
  decidedOnPrecision: precision,
  outcome: choice(RULING_OUTCOMES),
  summary: text().prefault(""),
  text: text(200_000).prefault(""),
});

export const updateHearingSchema = hearingSchema.omit({ stageId: true }).extend({ id, version });
export const updateRulingSchema = rulingSchema.extend({ id, version });

export const deleteByIdSchema = z.object({ id });

export type FileAppealInput = z.infer<typeof fileAppealSchema>;
export type UpdateAppealInput = z.infer<typeof updateAppealSchema>;
export type HearingInput = z.infer<typeof hearingSchema>;
export type RulingInput = z.infer<typeof rulingSchema>;
export type UpdateHearingInput = z.infer<typeof updateHearingSchema>;
export type UpdateRulingInput = z.infer<typeof updateRulingSchema>;
