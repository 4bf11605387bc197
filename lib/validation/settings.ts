// Group membership, invitations, and the rules-as-data an admin edits (deadline rules, holidays).
import { z } from "zod";
import { passwordProblem } from "../auth/password";
import { ROLES } from "../domain/vocabulary";
import { checkbox, choice, id, isoDate, line, requiredLine } from "./common";

export const DEADLINE_UNITS = ["working_days", "calendar_days", "months"] as const;
export const DEADLINE_DIRECTIONS = ["before", "after"] as const;
export const HOLIDAY_KINDS = ["holiday", "working_day"] as const;

export const email = z
  .string({ error: "invalid_email" })
  .trim()
  .toLowerCase()
  .max(320, { error: "too_long" })
  .pipe(z.email({ error: "invalid_email" }));

export const changeRoleSchema = z.object({ groupId: id, membershipId: id, role: choice(ROLES) });
export const removeMemberSchema = z.object({ groupId: id, membershipId: id });
export const inviteSchema = z.object({ groupId: id, email, role: choice(ROLES) });
export const revokeInvitationSchema = z.object({ groupId: id, invitationId: id });

export const token = z.string({ error: "required" }).trim().min(20, { error: "invalid" }).max(200, { error: "invalid" });
/** A new account password: passwordProblem's rule (length, not a common password), its key beside the field. */
export const password = z.string({ error: "required" }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A new account from an invitation: the email is the one the admin invited. */
export const acceptNewSchema = z.object({ token, name: requiredLine(200), password });
export const acceptSignedInSchema = z.object({ token });

export const deadlineRuleSchema = z.object({
  id,
  amount: z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(0, { error: "invalid_number" }).max(3650, { error: "invalid_number" }),
  unit: choice(DEADLINE_UNITS),
  direction: choice(DEADLINE_DIRECTIONS),
  legalBasis: line(500).prefault(""),
  legalBasisRu: line(500).prefault(""),
  legalBasisKk: line(500).prefault(""),
  labelEn: requiredLine(300),
  labelRu: requiredLine(300),
  labelKk: line(300).prefault(""),
  active: checkbox,
});

export const addHolidaySchema = z.object({
  date: isoDate,
  kind: choice(HOLIDAY_KINDS),
  name: requiredLine(200),
  nameRu: line(200).prefault(""),
  nameKk: line(200).prefault(""),
});
export const removeHolidaySchema = z.object({ id });

export type DeadlineRuleInput = z.infer<typeof deadlineRuleSchema>;
export type AddHolidayInput = z.infer<typeof addHolidaySchema>;
export type InviteInput = z.infer<typeof inviteSchema>;
