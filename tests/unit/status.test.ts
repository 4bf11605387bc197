import { describe, expect, it } from "vitest";
import { canFileAppeal, canRecordRuling, combineOutcomes, deriveCase } from "@/lib/domain/status";
import { appealClockOpen, nextDeadline } from "@/lib/domain/deadlines";
import { calendarFrom } from "@/lib/domain/working-days";
import { DEADLINE_RULES, kazakhstanHolidays } from "@/prisma/seed/reference";

const kz = calendarFrom(kazakhstanHolidays(2019, 2026));

const parts = [{ id: "march" }, { id: "rally" }];

describe("status and outcome are derived separately", () => {
  it("a filed case with no answer awaits one; past the deadline it is 'no answer'", () => {
    const d = deriveCase({ filedOn: "2021-11-16", parts, answers: [], stages: [], events: [] });
    expect(d.status).toBe("awaiting_answer");
    expect(d.outcome).toBe("pending");
    const silent = deriveCase({ filedOn: "2021-11-16", parts, answers: [], stages: [], events: [], answerOverdue: true });
    expect(silent.outcome).toBe("no_answer");
  });

  it("one answer can approve the rally and refuse the march", () => {
    const d = deriveCase({
      filedOn: "2022-02-07",
      parts,
      answers: [{ receivedOn: "2022-02-15", partOutcomes: [{ partId: "march", outcome: "refused" }, { partId: "rally", outcome: "approved" }] }],
      stages: [],
      events: [],
    });
    expect(d.status).toBe("answered");
    expect(d.outcome).toBe("mixed");
    expect(d.partOutcomes).toEqual({ march: "refused", rally: "approved" });
  });

  it("a later answer about a part replaces the earlier one", () => {
    const d = deriveCase({
      filedOn: "2022-02-07",
      parts,
      answers: [
        { receivedOn: "2022-02-10", partOutcomes: [{ partId: "march", outcome: "refused" }, { partId: "rally", outcome: "refused" }] },
        { receivedOn: "2022-02-20", partOutcomes: [{ partId: "rally", outcome: "approved" }] },
      ],
      stages: [],
      events: [],
    });
    expect(d.partOutcomes.rally).toBe("approved");
    expect(d.partOutcomes.march).toBe("refused");
  });

  it("an unruled appeal puts the case under appeal; a ruling closes it", () => {
    const answers = [{ receivedOn: "2023-03-29", partOutcomes: [{ partId: "march", outcome: "refused" }] }];
    const open = deriveCase({ filedOn: "2023-03-20", parts: [{ id: "march" }], answers, stages: [{ ruling: null }], events: [] });
    expect(open.status).toBe("under_appeal");
    expect(open.outcome).toBe("refused");
    const ruled = deriveCase({ filedOn: "2023-03-20", parts: [{ id: "march" }], answers, stages: [{ ruling: { outcome: "upheld" } }], events: [] });
    expect(ruled.status).toBe("closed");
  });

  it("a ruling that can still be appealed does not close the case; once the time has run out it does", () => {
    const answers = [{ receivedOn: "2023-03-29", partOutcomes: [{ partId: "march", outcome: "refused" }] }];
    const base = { filedOn: "2023-03-20", parts: [{ id: "march" }], answers, stages: [{ ruling: { outcome: "upheld" } }], events: [] };
    // First instance ruled 21 April 2023: the appeal is due 22 May (see deadlines.test.ts).
    const ruling = { decidedOn: "2023-04-21", outcome: "upheld" };
    const clock = nextDeadline(
      { procedure: "approval", filedOn: "2023-03-20", answer: { receivedOn: "2023-03-29", refusedSomething: true }, stages: [{ kind: "first_instance", filedOn: "2023-04-01", ruling }], closed: false },
      DEADLINE_RULES,
      kz,
    );
    expect(deriveCase({ ...base, appealClockOpen: appealClockOpen(clock, "2023-05-10") }).status).toBe("under_appeal");
    expect(deriveCase({ ...base, appealClockOpen: appealClockOpen(clock, "2023-05-22") }).status).toBe("under_appeal");
    expect(deriveCase({ ...base, appealClockOpen: appealClockOpen(clock, "2023-05-23") }).status).toBe("closed");
    // Held anyway, or not held: still open while the ruling can be appealed.
    expect(deriveCase({ ...base, events: [{ kind: "not_held" }], appealClockOpen: appealClockOpen(clock, "2023-05-10") }).status).toBe("under_appeal");
    // A refusal not yet appealed, with the complaint window open, is answered, not closed.
    expect(deriveCase({ ...base, stages: [], events: [{ kind: "not_held" }], appealClockOpen: true }).status).toBe("answered");
    // A withdrawal closes it whatever the clock says.
    expect(deriveCase({ ...base, events: [{ kind: "withdrawn" }], appealClockOpen: true }).status).toBe("closed");
  });

  it("a withdrawal closes the case with outcome 'withdrawn'", () => {
    const d = deriveCase({ filedOn: "2020-11-16", parts, answers: [], stages: [], events: [{ kind: "withdrawn" }] });
    expect(d.status).toBe("closed");
    expect(d.outcome).toBe("withdrawn");
  });

  it("no filing date is a draft", () => {
    expect(deriveCase({ filedOn: null, parts, answers: [], stages: [], events: [] }).status).toBe("draft");
  });

  it("combines part outcomes", () => {
    expect(combineOutcomes(["refused", "refused"])).toBe("refused");
    expect(combineOutcomes(["approved", "approved_with_limits"])).toBe("approved_with_limits");
    expect(combineOutcomes(["refused", "pending"])).toBe("mixed");
    expect(combineOutcomes([])).toBe("pending");
  });

  it("guards transitions", () => {
    expect(canFileAppeal({ answers: [], answerOverdue: false })).toBe("needs_answer");
    expect(canFileAppeal({ answers: [], answerOverdue: true })).toBeNull();
    expect(canRecordRuling({ ruling: { outcome: "upheld" } })).toBe("stage_already_ruled");
  });
});
