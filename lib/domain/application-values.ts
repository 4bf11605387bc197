// The application form's values: from a stored record, from nothing, or from what the user
// submitted (a failed action hands it back). Plain strings, as inputs hold them. Pure (the
// form shows them, and the server merges two people's edits with them: lib/domain/merge.ts).
type Plain = { [k: string]: unknown };

export interface PartValues {
  id: string;
  form: string;
  place: string;
  route: string;
  eventDate: string;
  eventDatePrecision: string;
  startTime: string;
  endTime: string;
  expectedParticipants: string;
  equipment: string[];
  /** The authority has answered this part: removing it must go through the answer. */
  answered?: boolean;
}

export interface ApplicantValues {
  personId: string;
  fullName: string;
  idNumber: string;
  address: string;
  phone: string;
}

export interface ApplicationValues {
  id: string;
  version: string;
  groupId: string;
  organizerIds: string[];
  title: string;
  authorityId: string;
  newAuthorityName: string;
  newAuthorityKind: string;
  newAuthorityCity: string;
  city: string;
  purpose: string;
  filedOn: string;
  filedOnPrecision: string;
  registrationNumber: string;
  notes: string;
  publicNote: string;
  isPublic: boolean;
  applicants: ApplicantValues[];
  parts: PartValues[];
}

export const emptyPart = (): PartValues => ({
  id: "",
  form: "",
  place: "",
  route: "",
  eventDate: "",
  eventDatePrecision: "day",
  startTime: "",
  endTime: "",
  expectedParticipants: "",
  equipment: [],
});

export const emptyApplicant = (): ApplicantValues => ({ personId: "", fullName: "", idNumber: "", address: "", phone: "" });

export function emptyApplication(ownerGroupId: string): ApplicationValues {
  return {
    id: "",
    version: "",
    groupId: ownerGroupId,
    organizerIds: ownerGroupId ? [ownerGroupId] : [],
    title: "",
    authorityId: "",
    newAuthorityName: "",
    newAuthorityKind: "akimat",
    newAuthorityCity: "",
    city: "",
    purpose: "",
    filedOn: "",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: "",
    publicNote: "",
    isPublic: false,
    applicants: [emptyApplicant()],
    parts: [emptyPart()],
  };
}

const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : v === null || v === undefined ? fallback : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(x)) : typeof v === "string" && v ? [v] : []);
const rows = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter((r): r is Plain => !!r && typeof r === "object") : []);
const truthy = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";

/** What the user submitted, back into form values (so nothing typed is lost). */
export function applicationFromSubmitted(raw: Plain, fallback: ApplicationValues): ApplicationValues {
  const answered = new Map(fallback.parts.filter((p) => p.id).map((p) => [p.id, p.answered]));
  const parts = rows(raw.parts).map((p) => ({
    id: str(p.id),
    form: str(p.form),
    place: str(p.place),
    route: str(p.route),
    eventDate: str(p.eventDate),
    eventDatePrecision: str(p.eventDatePrecision, "day") || "day",
    startTime: str(p.startTime),
    endTime: str(p.endTime),
    expectedParticipants: str(p.expectedParticipants),
    equipment: list(p.equipment),
    answered: answered.get(str(p.id)) ?? false,
  }));
  const applicants = rows(raw.applicants).map((a) => ({
    personId: str(a.personId),
    fullName: str(a.fullName),
    idNumber: str(a.idNumber),
    address: str(a.address),
    phone: str(a.phone),
  }));
  return {
    id: str(raw.id, fallback.id),
    version: str(raw.version, fallback.version),
    groupId: str(raw.groupId, fallback.groupId),
    organizerIds: list(raw.organizerIds),
    title: str(raw.title),
    authorityId: str(raw.authorityId),
    newAuthorityName: str(raw.newAuthorityName),
    newAuthorityKind: str(raw.newAuthorityKind, "akimat") || "akimat",
    newAuthorityCity: str(raw.newAuthorityCity),
    city: str(raw.city),
    purpose: str(raw.purpose),
    filedOn: str(raw.filedOn),
    filedOnPrecision: str(raw.filedOnPrecision, "day") || "day",
    registrationNumber: str(raw.registrationNumber),
    notes: str(raw.notes),
    publicNote: str(raw.publicNote),
    // The edit form has no publish box: what is stored stands until the toggle changes it.
    isPublic: "isPublic" in raw ? truthy(raw.isPublic) : fallback.isPublic,
    applicants: applicants.length ? applicants : [emptyApplicant()],
    parts: parts.length ? parts : [emptyPart()],
  };
}

interface StoredApplication {
  id: string;
  version: number;
  groupId: string;
  title: string;
  authorityId: string | null;
  city: string;
  purpose: string;
  filedOn: string | null;
  filedOnPrecision: string;
  registrationNumber: string;
  notes: string;
  publicNote: string;
  isPublic: boolean;
  organizers: { groupId: string }[];
  applicants: { personId: string; person: { fullName: string; idNumber: string; address: string; phone: string } }[];
  parts: {
    id: string;
    form: string;
    place: string;
    route: string;
    eventDate: string | null;
    eventDatePrecision: string;
    startTime: string;
    endTime: string;
    expectedParticipants: number | null;
    equipment: string;
    _count?: { outcomes: number };
  }[];
}

export function applicationFromRecord(app: StoredApplication): ApplicationValues {
  return {
    id: app.id,
    version: String(app.version),
    groupId: app.groupId,
    organizerIds: app.organizers.map((o) => o.groupId),
    title: app.title,
    authorityId: app.authorityId ?? "",
    newAuthorityName: "",
    newAuthorityKind: "akimat",
    newAuthorityCity: "",
    city: app.city,
    purpose: app.purpose,
    filedOn: app.filedOn ?? "",
    filedOnPrecision: app.filedOnPrecision === "unknown" ? "day" : app.filedOnPrecision,
    registrationNumber: app.registrationNumber,
    notes: app.notes,
    publicNote: app.publicNote,
    isPublic: app.isPublic,
    applicants: app.applicants.length
      ? app.applicants.map((a) => ({ personId: a.personId, fullName: a.person.fullName, idNumber: a.person.idNumber, address: a.person.address, phone: a.person.phone }))
      : [emptyApplicant()],
    parts: app.parts.map((p) => ({
      id: p.id,
      form: p.form,
      place: p.place,
      route: p.route,
      eventDate: p.eventDate ?? "",
      eventDatePrecision: p.eventDatePrecision === "unknown" ? "day" : p.eventDatePrecision,
      startTime: p.startTime,
      endTime: p.endTime,
      expectedParticipants: p.expectedParticipants === null ? "" : String(p.expectedParticipants),
      equipment: p.equipment ? p.equipment.split(",").filter(Boolean) : [],
      answered: (p._count?.outcomes ?? 0) > 0,
    })),
  };
}
