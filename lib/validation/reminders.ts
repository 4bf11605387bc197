// When a member wants reminders: working days before each deadline or hearing, e.g. "3,1";
// empty turns them off. Stored normalised ("3,1": largest first, no repeats).
import { z } from "zod";
import { MAX_REMINDER_OFFSET, MAX_REMINDER_OFFSETS } from "../domain/reminders";

export const reminderOffsets = z
  .string({ error: "reminder_offsets_invalid" })
  .max(100, { error: "too_long" })
  .transform((s) => s.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean))
  .check((ctx) => {
    if (ctx.value.some((p) => !/^\d{1,3}$/.test(p))) ctx.issues.push({ code: "custom", message: "reminder_offsets_invalid", input: ctx.value });
    else if (ctx.value.some((p) => Number(p) > MAX_REMINDER_OFFSET)) ctx.issues.push({ code: "custom", message: "reminder_offsets_range", input: ctx.value });
    else if (new Set(ctx.value.map(Number)).size > MAX_REMINDER_OFFSETS) ctx.issues.push({ code: "custom", message: "reminder_offsets_too_many", input: ctx.value });
  })
  .transform((parts) => [...new Set(parts.map(Number))].sort((a, b) => b - a).join(","));

export const reminderPreferencesSchema = z.object({ offsets: reminderOffsets });
