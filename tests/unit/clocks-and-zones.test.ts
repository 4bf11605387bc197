// A group's "today" in its time zone, and which deadline a case is held to when a member set one by hand.
import { describe, expect, it } from "vitest";
import { isTimeZone, todayIn } from "@/lib/domain/dates";
import { effectiveDeadline, type NextClock } from "@/lib/domain/deadlines";

describe("today in a group's time zone", () => {
  it("is the next day in Almaty from 19:00 UTC, and the same day before", () => {
    expect(todayIn("Asia/Almaty", new Date("2026-03-09T18:59:00Z"))).toBe("2026-03-09");
    expect(todayIn("Asia/Almaty", new Date("2026-03-09T19:00:00Z"))).toBe("2026-03-10");
    expect(todayIn("UTC", new Date("2026-03-09T23:59:00Z"))).toBe("2026-03-09");
    expect(todayIn("America/New_York", new Date("2026-03-10T03:00:00Z"))).toBe("2026-03-09");
  });
  it("knows an IANA zone from a made-up one; an unknown zone counts in UTC", () => {
    expect(isTimeZone("Asia/Almaty")).toBe(true);
    expect(isTimeZone("Asia/Qostanay")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["Mars/Olympus", "", "Asia/Almaty; DROP", "../etc/passwd", "x".repeat(80)]) expect(isTimeZone(bad)).toBe(false);
    expect(todayIn("Mars/Olympus", new Date("2026-03-09T23:00:00Z"))).toBe("2026-03-09");
  });
});

describe("a deadline set by hand", () => {
  const complaint: NextClock = { ruleCode: "admin_complaint", dueOn: "2026-06-02", anchor: "2026-03-02", anchorKind: "answer_received", unit: "months", amount: 3, direction: "after", legalBasis: "", legalBasisRu: "", legalBasisKk: "", skipped: [], movedFrom: null, nextStep: "complaint" };
  const override = { on: "2026-06-19", ruleCode: "admin_complaint", reason: "late letter", byName: "Aida", at: null };
  it("holds over the clock it was set on, with the computed date beside it", () => {
    expect(effectiveDeadline(complaint, override)).toMatchObject({ dueOn: "2026-06-19", computedOn: "2026-06-02", override });
    expect(effectiveDeadline(complaint, null)).toMatchObject({ dueOn: "2026-06-02", computedOn: "2026-06-02", override: null });
  });
  it("lapses once the case is under another clock", () => {
    const court = { ...complaint, ruleCode: "court_claim", dueOn: "2026-09-01", nextStep: "first_instance" as const };
    expect(effectiveDeadline(court, override)).toMatchObject({ dueOn: "2026-09-01", override: null });
    expect(effectiveDeadline(null, override)).toBeNull();
  });
});
