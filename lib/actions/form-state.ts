// What a server action hands back to its form. Messages and field errors are catalogue
// keys in the "errors" namespace; the form translates them.
// Types only: this module is imported by client forms, and zod itself must not come with it.
import type { z } from "zod";
import { isAppError } from "../errors";

export interface FormState {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** For a version conflict: the record as it is now, so nothing typed is lost. */
  conflict?: unknown;
  /** Anything the action wants to return on success (e.g. a created token shown once). */
  data?: Record<string, unknown>;
}

export const initialFormState: FormState = { ok: false };

const KEY = /^[a-z_]+$/;

/** zod issues → { "parts.0.form": ["required"] } with catalogue keys. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    const key = KEY.test(issue.message) ? issue.message : issue.code === "too_big" ? "too_long" : "invalid";
    (out[path] ??= []).includes(key) || out[path].push(key);
  }
  return out;
}

export function invalid(error: z.ZodError): FormState {
  return { ok: false, message: "form_invalid", errors: fieldErrors(error) };
}

function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/**
 * Runs an action body: expected errors become a message for the user; redirects pass
 * through; anything else is logged (without the input) and shown as a generic message.
 */
export async function guarded(body: () => Promise<FormState>): Promise<FormState> {
  try {
    return await body();
  } catch (e) {
    if (isNextControlFlow(e)) throw e;
    if (isAppError(e)) {
      const conflict = (e as { current?: unknown }).current;
      return { ok: false, message: e.code, ...(e.code === "conflict" ? { conflict } : {}) };
    }
    console.error("action failed:", e instanceof Error ? e.message : "unknown error");
    return { ok: false, message: "unexpected" };
  }
}
