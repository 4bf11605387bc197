import { z } from "zod";
import { checkbox, id } from "./common";

export const erasePersonSchema = z.object({
  personId: id,
  applicationId: id,
  // Erasing cannot be undone: ticked, not clicked by accident.
  confirm: checkbox.refine((v) => v, { error: "required" }),
});
