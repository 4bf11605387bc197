import { describe, expect, it } from "vitest";
import { canFileAppeal, canRecordRuling, combineOutcomes, deriveCase } from "@/lib/domain/status";

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
