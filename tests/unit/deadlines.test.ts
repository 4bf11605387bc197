import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { answerDue, appealClockOpen, applyRule, checkFiling, nextDeadline, nextHearing, type DeadlineRuleData } from "@/lib/domain/deadlines";
import { DeadlineBox } from "@/components/cases/DeadlineBox";
import { renderChecked } from "../support/fixtures";
import { calendarFrom } from "@/lib/domain/working-days";
import { DEADLINE_RULES, kazakhstanHolidays } from "@/prisma/seed/reference";

const kz = calendarFrom(kazakhstanHolidays(2019, 2026));
const rules: DeadlineRuleData[] = DEADLINE_RULES;

describe("legal clocks as data", () => {
  it("a notification filed 5 working days ahead meets the minimum; 4 does not", () => {
    // Rally on Monday 2023-05-15. Counting back five working days skips 9 May (Victory Day) and
    // Monday 8 May (the day off moved from Sunday 7 May, Defender Day): Thursday 2023-05-04.
    const ok = checkFiling("notification", "2023-05-03", "2023-05-15", rules, kz)!;
    expect(ok.latestFilingDate).toBe("2023-05-04");
    expect(ok.meetsMinimum).toBe(true);
    const late = checkFiling("notification", "2023-05-10", "2023-05-15", rules, kz)!;
    expect(late.meetsMinimum).toBe(false);
    expect(late.workingDaysAhead).toBe(3);
  });

  it("a march needs 10 working days", () => {
    const c = checkFiling("approval", "2022-02-07", "2022-03-08", rules, kz)!;
    expect(c.meetsMinimum).toBe(true);
    expect(c.deadline.amount).toBe(10);
  });

  it("the akimat answers an approval request within 7 working days", () => {
    // Filed Monday 2020-11-16 → 7 working days → Wednesday 2020-11-25
    expect(answerDue("approval", "2020-11-16", rules, kz)!.dueOn).toBe("2020-11-25");
    expect(answerDue("notification", "2020-11-16", rules, kz)!.dueOn).toBe("2020-11-19");
  });

  it("a month-based deadline that ends on a day off moves to the next working day", () => {
    const appeal = rules.find((r) => r.code === "appeal")!;
    // Ruling 2023-04-21 + 1 month = Sunday 2023-05-21 → Monday 2023-05-22
    const d = applyRule(appeal, "2023-04-21", kz);
    expect(d.movedFrom).toBe("2023-05-21");
    expect(d.dueOn).toBe("2023-05-22");
  });

  it("a changed rule changes the deadline", () => {
    const changed = rules.map((r) => (r.code === "approval_answer" ? { ...r, amount: 3 } : r));
    expect(answerDue("approval", "2020-11-16", changed, kz)!.dueOn).toBe("2020-11-19");
  });

  it("a case's next clock follows its stage", () => {
    const base = { procedure: "approval" as const, filedOn: "2023-03-20", closed: false };
    expect(nextDeadline({ ...base, answer: null, stages: [] }, rules, kz)!.nextStep).toBe("answer");
    const refused = { receivedOn: "2023-03-29", refusedSomething: true };
    const complaint = nextDeadline({ ...base, answer: refused, stages: [] }, rules, kz)!;
    expect(complaint.nextStep).toBe("complaint");
    expect(complaint.dueOn).toBe("2023-06-29");
    const pending = nextDeadline({ ...base, answer: refused, stages: [{ kind: "first_instance", filedOn: "2023-04-01", ruling: null }] }, rules, kz);
    expect(pending).toBeNull();
    const ruled = nextDeadline(
      { ...base, answer: refused, stages: [{ kind: "first_instance", filedOn: "2023-04-01", ruling: { decidedOn: "2023-04-21", outcome: "upheld" } }] },
      rules,
      kz,
    )!;
    expect(ruled.nextStep).toBe("appeal");
    expect(ruled.dueOn).toBe("2023-05-22");
    const approved = nextDeadline({ ...base, answer: { receivedOn: "2023-03-29", refusedSomething: false }, stages: [] }, rules, kz);
    expect(approved).toBeNull();
  });

  it("an appeal clock is open until its last day, and only for an appeal step", () => {
    const d = { dueOn: "2023-05-22", nextStep: "appeal" };
    expect(appealClockOpen(d, "2023-05-22")).toBe(true);
    expect(appealClockOpen(d, "2023-05-23")).toBe(false);
    expect(appealClockOpen({ dueOn: "2023-05-22", nextStep: "answer" }, "2023-05-01")).toBe(false);
    expect(appealClockOpen(null, "2023-05-01")).toBe(false);
  });

  it("a pending stage's next hearing is the date the case is under, and the box names it", () => {
    const stages = [
      { id: "s1", kind: "complaint", ruling: { outcome: "upheld" }, hearings: [{ heldOn: "2023-05-02", heldOnPrecision: "day" }] },
      {
        id: "s2",
        kind: "first_instance",
        ruling: null,
        hearings: [
          { heldOn: "2023-04-10", heldOnPrecision: "day", time: "10:00" },
          { heldOn: "2023-05-15", heldOnPrecision: "day", time: "11:30" },
          { heldOn: "2023-05", heldOnPrecision: "month", time: "" },
          { heldOn: "2023-06-01", heldOnPrecision: "day", time: "" },
        ],
      },
    ];
    expect(nextHearing(stages, "2023-04-20")).toEqual({ stageId: "s2", stageKind: "first_instance", heldOn: "2023-05-15", time: "11:30" });
    expect(nextHearing(stages, "2023-05-16")).toMatchObject({ heldOn: "2023-06-01" });
    expect(nextHearing(stages, "2023-06-02")).toBeNull();

    const next = nextHearing(stages, "2023-04-20");
    const en = renderChecked(h(DeadlineBox, { deadline: null, status: "under_appeal", nextHearing: next, today: "2023-04-20" }), "en");
    expect(en).toContain("Next hearing (Court, first instance)");
    expect(en).toContain('data-deadline="2023-05-15"');
    expect(en).toContain("11:30");
    expect(en).not.toContain("the next date is the hearing or the ruling");
    expect(renderChecked(h(DeadlineBox, { deadline: null, status: "under_appeal", nextHearing: next, today: "2023-04-20" }), "ru")).toContain("Следующее заседание");
  });
});
