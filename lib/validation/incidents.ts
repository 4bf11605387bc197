// Reprisals and incidents: fines, threats, detentions … linked to people, groups and applications.
import { z } from "zod";
import { INCIDENT_KINDS } from "../domain/vocabulary";
import { checkbox, choice, id, line, optionalDate, optionalInt, precision, requiredLine, text, version } from "./common";

/** A checkbox group or multi-select ("people[]"): absent → [], duplicates dropped. */
const idList = z
  .array(id)
  .max(500, { error: "too_long" })
  .optional()
  .transform((v) => [...new Set(v ?? [])]);

/** Names typed one per line become new private Person rows. */
const newNames = text(5_000)
  .optional()
  .transform((s) =>
  [...new Set((s ?? "").split(/\r?\n/).map((n) => n.trim()).filter(Boolean))],
  )
  .refine((names) => names.length <= 50 && names.every((n) => n.length <= 200), { error: "too_long" });

export const incidentFields = z.object({
  kind: choice(INCIDENT_KINDS),
  title: requiredLine(300),
  occurredOn: optionalDate.prefault(""),
  occurredOnPrecision: precision,
  city: line(120).prefault(""),
  place: line(300).prefault(""),
  description: text().prefault(""),
  amount: optionalInt(0, 2_000_000_000).prefault(""),
  currency: line(8)
    .optional()
    .transform((s) => (s ?? "").toUpperCase())
    .refine((s) => s === "" || /^[A-Z]{3}$/.test(s), { error: "invalid" }),
  perpetrator: line(300).prefault(""),
  people: idList,
  newPeople: newNames,
  groups: idList,
  applications: idList,
  isPublic: checkbox,
});

function amountRules(v: { kind: string; amount: number | null; currency: string }, ctx: z.RefinementCtx) {
  // A fine without its amount is the one fact a report about fines needs.
  if (v.kind === "fine" && v.amount === null) ctx.addIssue({ code: "custom", path: ["amount"], message: "required" });
  if (v.amount !== null && v.currency === "") ctx.addIssue({ code: "custom", path: ["currency"], message: "required" });
}

export const createIncidentSchema = incidentFields.extend({ groupId: id }).superRefine(amountRules);
export const updateIncidentSchema = incidentFields.extend({ id, version }).superRefine(amountRules);

export type CreateIncidentInput = z.infer<typeof createIncidentSchema>;
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;
