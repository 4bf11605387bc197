import { z } from "zod";
import { checkbox, id } from "./common";

// The page the form was on (a case's or an incident's edit page), to go back to.
export const erasePersonSchema = z
  .object({
    personId: id,
    applicationId: id.optional(),
    incidentId: id.optional(),
    // Erasing cannot be undone: ticked, not clicked by accident.
    confirm: checkbox.refine((v) => v, { error: "required" }),
  })
  .refine((v) => Boolean(v.applicationId) !== Boolean(v.incidentId), { error: "invalid", path: ["personId"] });
