// Shared by the applications and answers actions (not a "use server" file: nothing here
// may become an endpoint).
import type { z } from "zod";
import { guarded, invalid, type FormState } from "./form-state";
import { formToObject, type Plain } from "../validation/form-data";
import { FieldError } from "../validation/applications";

/**
 * Runs a form action. The submission is read inside `guarded`, so a hostile one (field names
 * nested too deep) is a message, not a crash. A failed submission carries back what was typed
 * (data.values, less what `echo` removes, e.g. a password) so the form can show it again —
 * React resets a form after its action — and a field problem only the database can see is
 * shown beside its field like a zod error.
 */
export async function runForm(formData: FormData, body: (raw: Plain) => Promise<FormState>, echo: (raw: Plain) => Plain = (raw) => raw): Promise<FormState> {
  let raw: Plain = {};
  const res = await guarded(async () => {
    try {
      raw = formToObject(formData);
      return await body(raw);
    } catch (e) {
      if (e instanceof FieldError) {
        return e.field === "_form" ? { ok: false, message: e.key } : { ok: false, message: "form_invalid", errors: { [e.field]: [e.key] } };
      }
      throw e;
    }
  });
  return res.ok ? res : { ...res, data: { ...res.data, values: echo(raw), submittedAt: Date.now() } };
}

export function parseOrInvalid<T extends z.ZodType>(schema: T, raw: Plain): { ok: true; data: z.output<T> } | { ok: false; state: FormState } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, state: invalid(parsed.error) };
}
