// Everything that happened in a case, in one chronological list. Undated items go last, in
// the order the case records them.
import type { CaseData } from "@/lib/data/cases";

export type TimelineEntry = { id: string; date: string | null; precision: string; anchor: string } & (
  | { kind: "filed" }
  | { kind: "answer"; outcome: string }
  | { kind: "evidence"; stance: string }
  | { kind: "appeal_filed"; appealKind: string; body: string }
  | { kind: "hearing"; appealKind: string }
  | { kind: "ruling"; appealKind: string; outcome: string }
  | { kind: "event"; eventKind: string }
  | { kind: "incident"; incidentKind: string; title: string }
);

type TimelineSource = Pick<CaseData, "id" | "filedOn" | "filedOnPrecision" | "answers" | "appealStages" | "events" | "incidents">;

const known = (date: string | null | undefined, precision: string) => (date && precision !== "unknown" ? date : null);

export function buildTimeline(c: TimelineSource): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  if (c.filedOn) out.push({ kind: "filed", id: c.id, date: known(c.filedOn, c.filedOnPrecision), precision: c.filedOnPrecision, anchor: "parts" });
  for (const a of c.answers) {
    out.push({ kind: "answer", id: a.id, date: known(a.receivedOn, a.receivedOnPrecision), precision: a.receivedOnPrecision, anchor: `answer-${a.id}`, outcome: a.outcome });
    for (const e of a.evidence) {
      if (e.observedOn) out.push({ kind: "evidence", id: e.id, date: known(e.observedOn, e.observedOnPrecision), precision: e.observedOnPrecision, anchor: `evidence-${e.id}`, stance: e.stance });
    }
  }
  for (const s of c.appealStages) {
    const body = s.body?.name ?? s.bodyName;
    out.push({ kind: "appeal_filed", id: s.id, date: known(s.filedOn, s.filedOnPrecision), precision: s.filedOnPrecision, anchor: "appeals", appealKind: s.kind, body });
    for (const h of s.hearings) out.push({ kind: "hearing", id: h.id, date: known(h.heldOn, h.heldOnPrecision), precision: h.heldOnPrecision, anchor: "appeals", appealKind: s.kind });
    if (s.ruling) {
      const r = s.ruling;
      out.push({ kind: "ruling", id: r.id, date: known(r.decidedOn, r.decidedOnPrecision), precision: r.decidedOnPrecision, anchor: "appeals", appealKind: s.kind, outcome: r.outcome });
    }
  }
  for (const e of c.events) out.push({ kind: "event", id: e.id, date: known(e.occurredOn, e.occurredOnPrecision), precision: e.occurredOnPrecision, anchor: "events", eventKind: e.kind });
  for (const i of c.incidents) {
    out.push({ kind: "incident", id: i.id, date: known(i.occurredOn, i.occurredOnPrecision), precision: i.occurredOnPrecision, anchor: "incidents", incidentKind: i.kind, title: i.title });
  }
  // A stable sort keeps same-day items in the order above: filing, answer, appeal …
  return out
    .map((e, i) => ({ e, i }))
    .sort((x, y) => {
      if (x.e.date === y.e.date) return x.i - y.i;
      if (x.e.date === null) return 1;
      if (y.e.date === null) return -1;
      return x.e.date < y.e.date ? -1 : 1;
    })
    .map(({ e }) => e);
}
