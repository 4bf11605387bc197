// Shared by the applications and answers actions (not a "use server" file: nothing here
// may become an endpoint).
import type { z } from "zod";
import { guarded, invalid, type FormState } from "./form-state";
import type { Plain } from "../validation/form-data";
import { FieldError } from "../validation/applications";

/**
 * Runs a form action. A failed submission carries back what was typed (data.values) so the
 * form can show it again — React resets a form after its action — and a field problem only
 * the database can see is shown beside its field like a zod error.
 */
export async function runForm(raw: Plain, body: () => Promise<FormState>): Promise<FormState> {
  const res = await guarded(async () => {
    try {
      return await body();
    } catch (e) {
      if (e instanceof FieldError) {
        return e.field === "_form" ? { ok: false, message: e.key } : { ok: false, message: "form_invalid", errors: { [e.field]: [e.key] } };
      }
      throw e;
    }
  });
  return res.ok ? res : { ...res, data: { ...res.data, values: raw, submittedAt: Date.now() } };
}

export function parseOrInvalid<T extends z.ZodType>(schema: T, raw: Plain): { ok: true; data: z.output<T> } | { ok: false; state: FormState } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, state: invalid(parsed.error) };
}
