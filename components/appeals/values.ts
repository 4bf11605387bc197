// A form shows what was typed after a failed submission (React resets a form after its
// action), else the record's own values.
import type { Plain } from "@/lib/validation/form-data";

export type Values = Record<string, string>;

export function formValues<T extends Values>(initial: T, submitted: Plain | undefined): T {
  if (!submitted) return initial;
  const out: Values = { ...initial };
  for (const k of Object.keys(initial)) {
    const v = submitted[k];
    // Absent means empty: an unchecked checkbox sends nothing.
    out[k] = typeof v === "string" ? v : "";
  }
  return out as T;
}

/** A checkbox list ("groups[]") as submitted, else as stored. */
export function listValue(initial: string[], submitted: Plain | undefined, key: string): string[] {
  if (!submitted) return initial;
  const v = submitted[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
