// What a user may submit about an application, and the filters of the applications list
// (shared with the open-data API). Messages are catalogue keys.
import { z } from "zod";
import { AppError } from "../errors";
import { APPLICATION_OUTCOMES, APPLICATION_SORTS, ASSEMBLY_FORMS, AUTHORITY_KINDS, EQUIPMENT, STATUSES } from "../domain/vocabulary";
import { checkbox, choice, id, line, optionalDate, optionalInt, precision, requiredLine, text, time, version } from "./common";

/**
 * An input problem only the database can see (an unknown authority, a part that an answer
 * already refers to). The action shows it beside `field`; "_form" means the whole form.
 */
export class FieldError extends AppError {
  constructor(
    public readonly field: string,
    public readonly key: string,
  ) {
    super("invalid", key);
  }
}

/** Missing fields read as empty, as a browser sends an empty input. */
export const orEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === undefined || v === null ? "" : v), schema);
const orDefault = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema);

function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === "string") return v.trim() === "";
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/**
 * Rows the user added and left empty are not an error, just nothing. A row that carries
 * the id of a stored record is never dropped: blanking it is an edit to validate.
 */
export function dropBlankRows(fields: readonly string[], idField = "id") {
  return (v: unknown) =>
    Array.isArray(v)
      ? v.filter((row) => {
          if (!row || typeof row !== "object") return true;
          const r = row as Record<string, unknown>;
          return !isBlank(r[idField]) || fields.some((f) => !isBlank(r[f]));
        })
      : v === undefined
        ? []
        : v;
}

/** A checkbox group: none ticked → [], one value sent without "[]" → [value]. */
export const toList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : typeof v === "string" ? [v] : v);
const listOf = <T extends z.ZodType>(item: T) => z.preprocess(toList, z.array(item));

export const partSchema = z
  .object({
    id: orEmpty(z.string().trim().max(64)),
    form: choice(ASSEMBLY_FORMS),
    place: orEmpty(line()),
    route: orEmpty(text(5_000)),
    eventDate: orEmpty(optionalDate),
    eventDatePrecision: orDefault(precision),
    startTime: orEmpty(time),
    endTime: orEmpty(time),
    expectedParticipants: orEmpty(optionalInt(0, 10_000_000)),
    equipment: listOf(choice(EQUIPMENT)).transform((l) => [...new Set(l)]),
  })
  .superRefine((p, ctx) => {
    if (typeof p.startTime === "string" && typeof p.endTime === "string" && p.startTime && p.endTime && p.endTime <= p.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "end_before_start" });
    }
  });
export type PartInput = z.output<typeof partSchema>;

const PART_FIELDS = ["form", "place", "route", "eventDate", "startTime", "endTime", "expectedParticipants", "equipment"] as const;

export const applicantSchema = z.object({
  personId: orEmpty(z.string().trim().max(64)),
  fullName: orEmpty(requiredLine(300)),
  // An IIN is 12 digits; sources often give none.
  idNumber: orEmpty(line(12).refine((s) => s === "" || /^\d{12}$/.test(s), { error: "invalid" })),
  address: orEmpty(line()),
  phone: orEmpty(line(40).refine((s) => s === "" || /^[+\d][\d\s()\-]{4,38}$/.test(s), { error: "invalid" })),
});
export type ApplicantInput = z.output<typeof applicantSchema>;

const APPLICANT_FIELDS = ["fullName", "idNumber", "address", "phone"] as const;

/** The fields an application has, whether created or edited. */
const applicationFields = {
  organizerIds: z.preprocess(toList, z.array(id).min(1, { error: "need_one_group" })).transform((l) => [...new Set(l)]),
  title: orEmpty(requiredLine(300)),
  authorityId: orEmpty(z.string().trim().max(64)),
  newAuthorityName: orEmpty(line(300)),
  newAuthorityKind: orDefault(choice(AUTHORITY_KINDS).default("akimat")),
  newAuthorityCity: orEmpty(line(120)),
  city: orEmpty(line(120)),
  purpose: orEmpty(text(5_000)),
  filedOn: orEmpty(optionalDate),
  filedOnPrecision: orDefault(precision),
  registrationNumber: orEmpty(line(120)),
  notes: orEmpty(text()),
  /** Shown to everyone once the record is published (notes never are). */
  publicNote: orEmpty(text(5_000)),
  applicants: z.preprocess(dropBlankRows(APPLICANT_FIELDS, "personId"), z.array(applicantSchema).max(50, { error: "too_long" })),
  parts: z.preprocess(dropBlankRows(PART_FIELDS), z.array(partSchema).min(1, { error: "need_one_part" }).max(20, { error: "too_long" })),
};

/** Visibility is chosen at creation; afterwards only publishApplicationSchema changes it. */
export const createApplicationSchema = z.object({ groupId: id, isPublic: checkbox, ...applicationFields });
export type CreateApplicationInput = z.output<typeof createApplicationSchema>;

/**
 * The owning workspace does not change on edit: people and history belong to it. Nor does
 * visibility: a save carries no isPublic, so it cannot undo the publish toggle.
 */
export const updateApplicationSchema = z.object({ id, version, ...applicationFields });
export type UpdateApplicationInput = z.output<typeof updateApplicationSchema>;

export const publishApplicationSchema = z.object({ id, isPublic: checkbox });
export const deleteApplicationSchema = z.object({
  id,
  // Deleting a whole case is ticked, not clicked by accident.
  confirm: checkbox.refine((v) => v, { error: "required" }),
});

// ───────────────────────────── the list's filters (page and open-data API)

export { APPLICATION_SORTS };
export const DEFAULT_PAGE_SIZE = 25;

/** URLSearchParams, a Next.js searchParams object, or a plain object → { key: first value }. */
function toPlain(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== "object") return {};
  const out: Record<string, unknown> = {};
  const maybe = input as { forEach?: unknown; getAll?: unknown };
  if (typeof maybe.getAll === "function" && typeof maybe.forEach === "function") {
    (input as URLSearchParams).forEach((v, k) => {
      if (!(k in out)) out[k] = v;
    });
    return out;
  }
  for (const [k, v] of Object.entries(input)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const maybe = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const applicationFiltersSchema = z.preprocess(
  toPlain,
  z.object({
    year: maybe(z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(1900, { error: "invalid_number" }).max(2100, { error: "invalid_number" })),
    city: maybe(z.string().max(120, { error: "too_long" })),
    authority: maybe(z.string().max(64, { error: "invalid" })),
    group: maybe(z.string().max(64, { error: "invalid" })),
    form: maybe(choice(ASSEMBLY_FORMS)),
    outcome: maybe(choice(APPLICATION_OUTCOMES)),
    ground: maybe(z.string().regex(/^[a-z0-9_]{1,64}$/, { error: "unknown_ground" })),
    status: maybe(choice(STATUSES)),
    visibility: maybe(choice(["public", "private"] as const)),
    q: maybe(z.string().max(200, { error: "too_long" })),
    sort: z.preprocess(emptyToUndefined, choice(APPLICATION_SORTS).default("filed")),
    page: z.preprocess(emptyToUndefined, z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(1, { error: "invalid_number" }).max(1_000_000, { error: "invalid_number" }).default(1)),
    pageSize: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(1, { error: "invalid_number" }).max(100, { error: "invalid_number" }).default(DEFAULT_PAGE_SIZE),
    ),
  }),
);
export type ApplicationFilters = z.output<typeof applicationFiltersSchema>;

/**
 * For pages: a hand-edited URL with one bad filter still shows a list, without that filter.
 * (The API reports the error instead, with applicationFiltersSchema.)
 */
export function readApplicationFilters(input: unknown): ApplicationFilters {
  const plain = toPlain(input);
  for (let i = 0; i < 16; i++) {
    const r = applicationFiltersSchema.safeParse(plain);
    if (r.success) return r.data;
    for (const issue of r.error.issues) delete plain[String(issue.path[0])];
  }
  return applicationFiltersSchema.parse({});
}

/** The filters as URL parameters, defaults left out, for links that keep them. */
export function filtersToParams(f: ApplicationFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "page") continue;
    if (k === "sort" && v === "filed") continue;
    if (k === "pageSize" && v === DEFAULT_PAGE_SIZE) continue;
    out[k] = String(v);
  }
  return out;
}
