// "Take the verbatim reason from the document" without JavaScript: each sentence of the
// recognised text is a submit button of the answer form (name TAKE_REASON_FIELD, the sentence
// as its value). The action sees it, saves nothing, and hands the form back with the sentence
// in the stated-reason field, still editable. Pure, so the form and the action share it.
import type { Plain } from "../validation/form-data";

export const TAKE_REASON_FIELD = "takeReason";
const MAX = 5000;

/** The sentence the user picked, or null when the form was submitted to be saved. */
export function takenReason(raw: Plain): string | null {
  const v = raw[TAKE_REASON_FIELD];
  if (typeof v !== "string") return null;
  return v.replace(/\s+/g, " ").trim().slice(0, MAX);
}

/** What the form shows again after a take: everything as typed, the reason replaced. */
export function withTakenReason(raw: Plain): Plain {
  const taken = takenReason(raw);
  const { [TAKE_REASON_FIELD]: _drop, ...rest } = raw;
  return taken === null ? rest : { ...rest, statedReason: taken };
}
