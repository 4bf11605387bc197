import { z } from "zod";
import { FILING_KINDS, FILING_LOCALES } from "../domain/filings";
import { choice, id, isoDate, line, text, version } from "./common";

export const filingKind = choice(FILING_KINDS);
export const filingLocale = choice(FILING_LOCALES);

/** The preview form: which filing, in which language, and the free sections as edited ("edit_facts"). */
export const draftFilingSchema = z.object({
  applicationId: id,
  kind: filingKind,
  locale: filingLocale,
  intent: z.enum(["preview", "save"], { error: "invalid_choice" }).default("preview"),
});

/** The free sections' edits from a submission: only "edit_<key>" fields, each bounded. */
export function editsFrom(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const m = /^edit_([a-z][a-z0-9_]{0,40})$/.exec(k);
    if (m && typeof v === "string") out[m[1]] = v.slice(0, 20_000);
  }
  return out;
}

export const markFiledSchema = z.object({
  applicationId: id,
  attachmentId: id,
  filedOn: isoDate,
  number: line(100),
});

export const saveTemplateSchema = z.object({
  kind: filingKind,
  locale: filingLocale,
  baseVersion: version,
  title: text(500).min(1, { error: "required" }),
});
