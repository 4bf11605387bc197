// The open data API's shapes. Responses are parsed through these schemas before they leave
// the server, so a field that is not listed here (a password hash, an IIN for a stranger)
// cannot be sent by accident, and the OpenAPI document is generated from them.
import { z } from "zod";
import { requiredLine, id } from "./common";
import {
  APPEAL_KINDS,
  APPLICATION_OUTCOMES,
  ASSEMBLY_FORMS,
  DATE_PRECISIONS,
  EVENT_KINDS,
  EVIDENCE_STANCES,
  INCIDENT_KINDS,
  PART_OUTCOMES,
  PROCEDURES,
  RULING_OUTCOMES,
  STATUSES,
} from "../domain/vocabulary";

// ───────────────────────────── settings forms

export const apiTokenCreateSchema = z.object({
  name: requiredLine(100),
  days: z.coerce.number({ error: "invalid_choice" }).pipe(z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)], { error: "invalid_choice" })).default(90),
  export: z.enum(["on"], { error: "invalid" }).optional(),
});
export const apiTokenRevokeSchema = z.object({ id });

/** GET /api/v1/export: a group's own data, for its members. */
export const exportQuerySchema = z.object({
  group: z.string({ error: "required" }).min(1, { error: "required" }).max(64, { error: "invalid" }).describe("The group's slug or id."),
  format: z.enum(["json", "csv"], { error: "invalid_choice" }).default("json"),
  entity: z.string().max(64, { error: "invalid" }).optional().describe("With format=csv: which entity's table (e.g. applications)."),
});

// ───────────────────────────── responses

/**
 * A vocabulary value. Typed as a string with the values listed, not an enum: a response must
 * not fail because an old record holds a value the list has since dropped.
 */
const vocab = (values: readonly string[]) => z.string().describe(`One of: ${values.join(", ")}.`);

const date = z.string().nullable().describe("YYYY-MM-DD; read it with the matching precision.");
const precision = vocab(DATE_PRECISIONS);
const instant = z.string().describe("ISO 8601 date-time, UTC.");

export const groupRefSchema = z.object({ id: z.string(), name: z.string(), slug: z.string().optional() });
export const authoritySchema = z.object({ id: z.string(), name: z.string(), nameRu: z.string(), kind: z.string(), city: z.string(), country: z.string() });

/** Notes are the owning group's: present only for its members (with a token). */
const membersNote = z.string().optional().describe("Members of the owning group only: their internal note. Absent for everyone else.");

export const personSchema = z
  .object({
    id: z.string(),
    fullName: z.string(),
    roleTitle: z.string(),
    isPublic: z.boolean(),
    altNames: z.string().optional(),
    idNumber: z.string().optional(),
    address: z.string().optional(),
    phone: z.string().optional(),
    notes: membersNote,
  })
  .describe("A person. Private people appear only to members of their group; personal details (IIN, address, phone) likewise.");

export const partSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  form: vocab(ASSEMBLY_FORMS),
  place: z.string(),
  route: z.string(),
  eventDate: date,
  eventDatePrecision: precision,
  startTime: z.string(),
  endTime: z.string(),
  expectedParticipants: z.number().int().nullable(),
  equipment: z.array(z.string()),
  outcome: vocab([...PART_OUTCOMES, "pending"]),
});

export const groundCitedSchema = z.object({
  code: z.string(),
  labelEn: z.string(),
  labelRu: z.string(),
  article: z.string().describe("The article as the taxonomy gives it."),
  articleCited: z.string().describe("The article as the authority cited it."),
  words: z.string().describe("The authority's words for this ground, verbatim."),
});

export const evidenceSchema = z.object({
  id: z.string(),
  stance: vocab(EVIDENCE_STANCES),
  observedOn: date,
  observedOnPrecision: precision,
  observer: z.string(),
  description: z.string(),
});

export const answerSchema = z.object({
  id: z.string(),
  receivedOn: date,
  receivedOnPrecision: precision,
  referenceNumber: z.string(),
  statedReason: z.string(),
  articleCited: z.string(),
  alternativeOffered: z.boolean(),
  alternativeDetails: z.string(),
  conflictingBookingHolder: z.string(),
  notes: membersNote,
  outcome: vocab(APPLICATION_OUTCOMES).describe("This answer's outcome over the parts it decides."),
  partOutcomes: z.array(z.object({ partId: z.string(), outcome: vocab(PART_OUTCOMES), limits: z.string(), alternative: z.string() })),
  grounds: z.array(groundCitedSchema),
  evidence: z.array(evidenceSchema),
});

export const hearingSchema = z.object({
  id: z.string(),
  heldOn: date,
  heldOnPrecision: precision,
  time: z.string(),
  authorityArguments: z.string(),
  applicantArguments: z.string(),
  notes: membersNote,
});

export const rulingSchema = z.object({
  id: z.string(),
  decidedOn: date,
  decidedOnPrecision: precision,
  outcome: vocab(RULING_OUTCOMES),
  summary: z.string(),
  text: z.string(),
});

export const appealStageSchema = z.object({
  id: z.string(),
  kind: vocab(APPEAL_KINDS),
  filedOn: date,
  filedOnPrecision: precision,
  body: authoritySchema.nullable(),
  bodyName: z.string(),
  caseNumber: z.string(),
  authorityArguments: z.string(),
  notes: membersNote,
  hearings: z.array(hearingSchema),
  ruling: rulingSchema.nullable(),
});

export const eventSchema = z.object({
  id: z.string(),
  kind: vocab(EVENT_KINDS),
  occurredOn: date,
  occurredOnPrecision: precision,
  description: z.string(),
  statedReason: z.string(),
  participants: z.number().int().nullable(),
});

export const incidentSchema = z.object({
  id: z.string(),
  kind: vocab(INCIDENT_KINDS),
  title: z.string(),
  isPublic: z.boolean(),
  occurredOn: date,
  occurredOnPrecision: precision,
  city: z.string(),
  place: z.string(),
  description: z.string(),
  amount: z.number().int().nullable(),
  currency: z.string(),
  perpetrator: z.string(),
  groups: z.array(groupRefSchema),
  people: z.array(z.object({ role: z.string(), person: personSchema })),
});

export const citationSchema = z.object({
  id: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  quote: z.string(),
  note: membersNote,
  source: z.object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    publisher: z.string(),
    publishedOn: date,
    publishedOnPrecision: precision,
    url: z.string(),
  }),
});

export const applicationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  isPublic: z.boolean(),
  procedure: vocab(PROCEDURES),
  city: z.string(),
  filedOn: date,
  filedOnPrecision: precision,
  filedBefore: date,
  requestCount: z.number().int().describe("More than 1: a batch of requests known only as a count."),
  status: vocab(STATUSES),
  outcome: vocab(APPLICATION_OUTCOMES),
  updatedAt: instant,
  authority: z.object({ name: z.string(), nameRu: z.string() }).nullable(),
  organizers: z.array(groupRefSchema).describe("The groups that organized it. A group named by another stays out of this list until its admin accepts."),
  parts: z.array(z.object({ form: vocab(ASSEMBLY_FORMS), outcome: vocab([...PART_OUTCOMES, "pending"]) })),
  url: z.string().describe("This application in the API."),
});

export const applicationListSchema = z.object({
  data: z.array(applicationSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
  links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() }),
});

export const caseSchema = z.object({
  id: z.string(),
  title: z.string(),
  isPublic: z.boolean(),
  procedure: vocab(PROCEDURES),
  city: z.string(),
  purpose: z.string(),
  filedOn: date,
  filedOnPrecision: precision,
  filedBefore: date,
  registrationNumber: z.string(),
  requestCount: z.number().int(),
  publicNote: z.string().describe("A remark the group chose to publish with the record."),
  notes: membersNote,
  status: vocab(STATUSES),
  outcome: vocab(APPLICATION_OUTCOMES),
  answerDueOn: date,
  createdAt: instant,
  updatedAt: instant,
  group: groupRefSchema.describe("The workspace that keeps this record."),
  authority: authoritySchema.nullable(),
  organizers: z.array(groupRefSchema).describe("The groups that organized it. A group named by another stays out of this list until its admin accepts."),
  applicants: z.array(z.object({ role: z.string(), person: personSchema })),
  parts: z.array(partSchema),
  answers: z.array(answerSchema),
  appealStages: z.array(appealStageSchema),
  events: z.array(eventSchema),
  incidents: z.array(incidentSchema),
  citations: z.array(citationSchema),
  nextDeadline: z
    .object({ step: z.string(), dueOn: z.string(), ruleCode: z.string(), legalBasis: z.string() })
    .nullable()
    .describe("The clock the case is under now: the answer due, or the time left for the next appeal step."),
  documents: z
    .array(
      z.object({
        id: z.string(),
        subjectType: z.string().describe("The kind of record it is attached to: application, answer, appealStage, hearing, ruling, event or incident."),
        subjectId: z.string(),
        kind: z.string().describe("filing, answer, court, evidence or other."),
        title: z.string(),
        documentDate: date,
        fileName: z.string(),
        mimeType: z.string(),
        size: z.number().int(),
        pageCount: z.number().int().nullable(),
        isPublic: z.boolean(),
        url: z.string().describe("Where the file is served (to a caller allowed to read it)."),
      }),
    )
    .describe("Attached documents the caller may read: every one for the group's members, only the files published one by one for anyone else."),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ parameter: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});

export type ApplicationSummary = z.output<typeof applicationSummarySchema>;
export type CaseResponse = z.output<typeof caseSchema>;
export type PersonResponse = z.output<typeof personSchema>;
