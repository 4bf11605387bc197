// Next steps, deadlines set by hand, and a group's time zone: what the forms may send.
import { z } from "zod";
import { isTimeZone } from "../domain/dates";
import { NEXT_STEP_KINDS } from "../domain/vocabulary";
import { isoDate, line, optionalDate, requiredLine } from "./common";

export { NEXT_STEP_KINDS } from "../domain/vocabulary";
const id = z.string({ error: "invalid" }).trim().min(1, { error: "required" }).max(100, { error: "invalid" });

export const assignStepSchema = z
  .object({
    applicationId: id,
    kind: z.enum(NEXT_STEP_KINDS, { error: "invalid_choice" }),
    description: line(500).default(""),
    assigneeId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100, { error: "invalid" }),
    dueOn: optionalDate.default(""),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "other" && !v.description) ctx.addIssue({ code: "custom", path: ["description"], message: "required" });
  });
export type AssignStepInput = z.output<typeof assignStepSchema>;

export const reassignStepSchema = z.object({
  id,
  assigneeId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100, { error: "invalid" }),
  dueOn: optionalDate.default(""),
});
export type ReassignStepInput = z.output<typeof reassignStepSchema>;

export const completeStepSchema = z.object({ id });

export const deadlineOverrideSchema = z.object({
  applicationId: id,
  overrideOn: isoDate,
  reason: requiredLine(1000),
});

export const clearOverrideSchema = z.object({ applicationId: id });

export const timeZoneSchema = z.object({
  groupId: id,
  timeZone: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(64, { error: "time_zone_invalid" })
    .refine(isTimeZone, { error: "time_zone_invalid" }),
});
