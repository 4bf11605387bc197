// The answer form's values: from a stored answer, from nothing, or from what was submitted.
import type { Plain } from "@/lib/validation/form-data";

export interface OutcomeValues {
  partId: string;
  outcome: string;
  limits: string;
  alternative: string;
}

export interface EvidenceValues {
  id: string;
  stance: string;
  observedOn: string;
  observedOnPrecision: string;
  observer: string;
  description: string;
}

export interface AnswerValues {
  id: string;
  version: string;
  applicationId: string;
  receivedOn: string;
  receivedOnPrecision: string;
  referenceNumber: string;
  statedReason: string;
  articleCited: string;
  /** One per part of the application, in the parts' order. */
  outcomes: OutcomeValues[];
  grounds: string[];
  groundWords: Record<string, string>;
  groundArticle: Record<string, string>;
  alternativeOffered: boolean;
  alternativeDetails: string;
  conflictingBookingHolder: string;
  notes: string;
  evidence: EvidenceValues[];
}

export const emptyEvidence = (): EvidenceValues => ({ id: "", stance: "contests", observedOn: "", observedOnPrecision: "day", observer: "", description: "" });

export function emptyAnswer(applicationId: string, partIds: string[]): AnswerValues {
  return {
    id: "",
    version: "",
    applicationId,
    receivedOn: "",
    receivedOnPrecision: "day",
    referenceNumber: "",
    statedReason: "",
    articleCited: "",
    outcomes: partIds.map((partId) => ({ partId, outcome: "", limits: "", alternative: "" })),
    grounds: [],
    groundWords: {},
    groundArticle: {},
    alternativeOffered: false,
    alternativeDetails: "",
    conflictingBookingHolder: "",
    notes: "",
    evidence: [],
  };
}

const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : v === null || v === undefined ? fallback : String(v));
const rows = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter((r): r is Plain => !!r && typeof r === "object") : []);
const record = (v: unknown): Record<string, string> =>
  v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)])) : {};
const truthy = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";

export function answerFromSubmitted(raw: Plain, fallback: AnswerValues): AnswerValues {
  const sent = new Map(rows(raw.outcomes).map((o) => [str(o.partId), o]));
  return {
    id: str(raw.id, fallback.id),
    version: str(raw.version, fallback.version),
    applicationId: str(raw.applicationId, fallback.applicationId),
    receivedOn: str(raw.receivedOn),
    receivedOnPrecision: str(raw.receivedOnPrecision, "day") || "day",
    referenceNumber: str(raw.referenceNumber),
    statedReason: str(raw.statedReason),
    articleCited: str(raw.articleCited),
    outcomes: fallback.outcomes.map((o) => {
      const s = sent.get(o.partId);
      return s ? { partId: o.partId, outcome: str(s.outcome), limits: str(s.limits), alternative: str(s.alternative) } : o;
    }),
    grounds: Array.isArray(raw.grounds) ? raw.grounds.map((g) => str(g)) : typeof raw.grounds === "string" ? [raw.grounds] : [],
    groundWords: record(raw.groundWords),
    groundArticle: record(raw.groundArticle),
    alternativeOffered: truthy(raw.alternativeOffered),
    alternativeDetails: str(raw.alternativeDetails),
    conflictingBookingHolder: str(raw.conflictingBookingHolder),
    notes: str(raw.notes),
    evidence: rows(raw.evidence).map((e) => ({
      id: str(e.id),
      stance: str(e.stance),
      observedOn: str(e.observedOn),
      observedOnPrecision: str(e.observedOnPrecision, "day") || "day",
      observer: str(e.observer),
      description: str(e.description),
    })),
  };
}

interface StoredAnswer {
  id: string;
  version: number;
  applicationId: string;
  receivedOn: string | null;
  receivedOnPrecision: string;
  referenceNumber: string;
  statedReason: string;
  articleCited: string;
  alternativeOffered: boolean;
  alternativeDetails: string;
  conflictingBookingHolder: string;
  notes: string;
  partOutcomes: { partId: string; outcome: string; limits: string; alternative: string }[];
  grounds: { words: string; articleCited: string; ground: { code: string } }[];
  evidence: { id: string; stance: string; observedOn: string | null; observedOnPrecision: string; observer: string; description: string }[];
}

export function answerFromRecord(a: StoredAnswer, partIds: string[]): AnswerValues {
  const byPart = new Map(a.partOutcomes.map((o) => [o.partId, o]));
  return {
    id: a.id,
    version: String(a.version),
    applicationId: a.applicationId,
    receivedOn: a.receivedOn ?? "",
    receivedOnPrecision: a.receivedOnPrecision === "unknown" ? "day" : a.receivedOnPrecision,
    referenceNumber: a.referenceNumber,
    statedReason: a.statedReason,
    articleCited: a.articleCited,
    outcomes: partIds.map((partId) => {
      const o = byPart.get(partId);
      return { partId, outcome: o?.outcome ?? "", limits: o?.limits ?? "", alternative: o?.alternative ?? "" };
    }),
    grounds: a.grounds.map((g) => g.ground.code),
    groundWords: Object.fromEntries(a.grounds.map((g) => [g.ground.code, g.words])),
    groundArticle: Object.fromEntries(a.grounds.map((g) => [g.ground.code, g.articleCited])),
    alternativeOffered: a.alternativeOffered,
    alternativeDetails: a.alternativeDetails,
    conflictingBookingHolder: a.conflictingBookingHolder,
    notes: a.notes,
    evidence: a.evidence.map((e) => ({
      id: e.id,
      stance: e.stance,
      observedOn: e.observedOn ?? "",
      observedOnPrecision: e.observedOnPrecision === "unknown" ? "day" : e.observedOnPrecision,
      observer: e.observer,
      description: e.description,
    })),
  };
}
