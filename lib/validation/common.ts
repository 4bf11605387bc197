// zod building blocks. Error messages are catalogue keys (messages/*/errors.json), so the
// same schema serves the UI in any language and the API.
import { z } from "zod";
import { isIsoDate } from "../domain/dates";
import { DATE_PRECISIONS } from "../domain/vocabulary";

export const MAX_TEXT = 20_000;
export const MAX_LINE = 500;

/** A one-line text field; trimmed; "" allowed unless `required`. */
export const line = (max = MAX_LINE) => z.string({ error: "invalid" }).trim().max(max, { error: "too_long" });
export const requiredLine = (max = MAX_LINE) => line(max).min(1, { error: "required" });
export const text = (max = MAX_TEXT) => z.string({ error: "invalid" }).trim().max(max, { error: "too_long" });

/** The years a record of this tracker can be about (the date picker lets a fifth digit through). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** Why a typed date is not one: a year out of range (e.g. five digits), or no such day. */
export function dateProblem(s: string): "date_out_of_range" | "invalid_date" | null {
  const year = /^(\d+)-\d{1,2}-\d{1,2}$/.exec(s)?.[1];
  if (year !== undefined && (year.length !== 4 || Number(year) < MIN_YEAR || Number(year) > MAX_YEAR)) return "date_out_of_range";
  return isIsoDate(s) ? null : "invalid_date";
}

export const isoDate = z
  .string({ error: "invalid_date" })
  .trim()
  .superRefine((s, ctx) => {
    const problem = dateProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** "" → null; otherwise a real YYYY-MM-DD between MIN_YEAR and MAX_YEAR. */
export const optionalDate = z
  .string({ error: "invalid_date" })
  .trim()
  .transform((s) => (s === "" ? null : s))
  .superRefine((s, ctx) => {
    const problem = s === null ? null : dateProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const precision = z.enum(DATE_PRECISIONS, { error: "invalid_choice" }).default("day");

export const time = z
  .string()
  .trim()
  .refine((s) => s === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { error: "invalid_time" });

/** "" → null; otherwise a whole number within bounds. */
export const optionalInt = (min = 0, max = 10_000_000) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s)))
    .refine((n) => n === null || (Number.isInteger(n) && n >= min && n <= max), { error: "invalid_number" });

export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.literal("false"), z.literal("0"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const id = z.string({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "invalid" });
export const version = z.coerce.number({ error: "invalid" }).int().min(1);

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "invalid_choice" });
