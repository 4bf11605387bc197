import { describe, expect, it } from "vitest";
import { dueReminderOffset, parseOffsets, reminderKey } from "@/lib/domain/reminders";
import { calendarFrom } from "@/lib/domain/working-days";

const cal = calendarFrom([{ date: "2026-03-09", kind: "holiday" }]); // a Monday off

describe("reminder days", () => {
  it("reads the stored preference, ignoring what cannot be a day", () => {
    expect(parseOffsets("3,1")).toEqual([3, 1]);
    expect(parseOffsets(" 1, 3,3,x,99")).toEqual([3, 1]);
    expect(parseOffsets("")).toEqual([]);
  });

  it("a reminder is due from its working day until the date, and only the nearest one on a day", () => {
    // Due Wed 11 Mar; Mon 9 is a holiday: 1 working day before is Tue 10, 3 before is Thu 5.
    expect(dueReminderOffset("2026-03-11", [3, 1], "2026-03-04", cal)).toBeNull();
    expect(dueReminderOffset("2026-03-11", [3, 1], "2026-03-05", cal)).toBe(3);
    expect(dueReminderOffset("2026-03-11", [3, 1], "2026-03-09", cal)).toBe(3);
    expect(dueReminderOffset("2026-03-11", [3, 1], "2026-03-10", cal)).toBe(1);
    expect(dueReminderOffset("2026-03-11", [3, 1], "2026-03-11", cal)).toBe(1);
    expect(dueReminderOffset("2026-03-11", [3, 1, 0], "2026-03-11", cal)).toBe(0);
    expect(dueReminderOffset("2026-03-11", [3, 1], "2026-03-12", cal)).toBeNull();
    expect(dueReminderOffset("2026-03-11", [], "2026-03-10", cal)).toBeNull();
  });

  it("a moved deadline has another key", () => {
    const item = { type: "deadline" as const, ruleCode: "admin_complaint", nextStep: "complaint", dueOn: "2026-06-02" };
    const k = reminderKey("case1", item, 3, "email", "u1");
    expect(k).toBe("reminder:case1:deadline:admin_complaint:2026-06-02:3:email:u1");
    expect(reminderKey("case1", { ...item, dueOn: "2026-06-09" }, 3, "email", "u1")).not.toBe(k);
  });
});
