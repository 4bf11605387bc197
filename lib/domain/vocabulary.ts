// The closed vocabularies of the domain. Stored as strings; validated against these lists.
// Labels live in the message catalogue under "vocab.<list>.<value>".

export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ASSEMBLY_FORMS = ["picket", "meeting", "rally", "demonstration", "march"] as const;
export type AssemblyForm = (typeof ASSEMBLY_FORMS)[number];

export const PROCEDURES = ["notification", "approval"] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** Picket, meeting, rally need a notification; demonstration and march need approval. */
export function procedureFor(forms: readonly AssemblyForm[]): Procedure {
  return forms.some((f) => f === "march" || f === "demonstration") ? "approval" : "notification";
}

export const PART_OUTCOMES = [
  "approved",
  "approved_with_limits",
  "alternative_proposed",
  "refused",
  "no_answer",
] as const;
export type PartOutcome = (typeof PART_OUTCOMES)[number];

/** An application's overall outcome: a part outcome, or one of these. */
export const APPLICATION_OUTCOMES = [...PART_OUTCOMES, "mixed", "withdrawn", "pending"] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

export const STATUSES = ["draft", "awaiting_answer", "answered", "under_appeal", "closed"] as const;
export type Status = (typeof STATUSES)[number];

export const EQUIPMENT = ["sound", "structures", "vehicles"] as const;

export const APPEAL_KINDS = [
  "complaint",
  "first_instance",
  "appeal",
  "cassation",
  "constitutional",
  "un_hrc",
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const RULING_OUTCOMES = ["upheld", "overturned", "partly", "dismissed", "withdrawn"] as const;
export type RulingOutcome = (typeof RULING_OUTCOMES)[number];

export const EVENT_KINDS = [
  "held",
  "not_held",
  "terminated",
  "meeting_officials",
  "pressure_withdraw",
  "withdrawn",
  "other",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const INCIDENT_KINDS = [
  "fine",
  "threat",
  "detention",
  "criminal_case",
  "venue_cancelled",
  "attack",
  "police_inaction",
  "other",
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const EVIDENCE_STANCES = ["contests", "supports"] as const;

export const AUTHORITY_KINDS = ["akimat", "court", "police", "prosecutor", "ministry", "un_body", "other"] as const;

export const DATE_PRECISIONS = ["day", "month", "year", "unknown"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * Refusal ground codes shipped as data (prisma/seed/reference.ts); Art. 14(1) of Law 333-VI
 * plus "no_reason" and "other". Admins may add more; these codes are what the seed uses.
 */
export const CORE_GROUND_CODES = [
  "unlawful_goals",
  "ineligible_organizer",
  "security_threat",
  "late_filing",
  "incomplete_application",
  "place_taken",
  "works",
  "not_designated_place",
  "no_reason",
  "other",
] as const;

/** Grounds for which, since Constitutional Court resolution No. 61-NP (20 Jan 2025), an alternative must be offered. */
export const GROUNDS_REQUIRING_ALTERNATIVE = ["place_taken", "works"] as const;

export const SHARE_SECTIONS = ["parts", "answers", "appeals", "events", "incidents", "sources", "standards", "documents"] as const;
/** Sections a new share link leaves out until the sharer ticks them: attached scans name people. */
export const SHARE_SECTIONS_OFF_BY_DEFAULT: readonly ShareSection[] = ["documents"];

/** The records a document can be attached to. */
export const ATTACHMENT_SUBJECTS = ["application", "answer", "appealStage", "hearing", "ruling", "event", "incident"] as const;
export type AttachmentSubject = (typeof ATTACHMENT_SUBJECTS)[number];
/** What a document is ("generated" is reserved for files the tracker makes itself). */
export const ATTACHMENT_KINDS = ["filing", "answer", "court", "evidence", "other"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export type ShareSection = (typeof SHARE_SECTIONS)[number];

export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}

/** The orders the applications list can be sorted in (lib/validation/applications reads ?sort=). */
export const APPLICATION_SORTS = ["filed", "filed_asc", "updated", "title"] as const;

// Choices the members' forms offer. Kept here, not beside their zod schemas in lib/validation:
// a client component that imported one of these from a schema module brought zod (about
// 115 KB) into the JavaScript of every case page, visitors' included.

/** Kinds of next step a member assigns on a case. */
export const NEXT_STEP_KINDS = ["complaint", "hearing", "ruling", "other"] as const;

/** What the owning group shares of a case with a co-organizing group. */
export const CASE_ACCESS = ["none", "read", "edit"] as const;
export type CaseAccess = (typeof CASE_ACCESS)[number];

/** What a comment can be about, and its longest body. */
export const COMMENT_SUBJECTS = ["application", "answer", "appealStage"] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];
export const MAX_COMMENT = 4_000;
