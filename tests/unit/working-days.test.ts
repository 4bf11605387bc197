import { describe, expect, it } from "vitest";
import { calendarFrom, isWorkingDay, shiftWorkingDays, workingDaysBetween, nextWorkingDayOnOrAfter } from "@/lib/domain/working-days";
import { kazakhstanHolidays } from "@/prisma/seed/reference";
import { addMonths } from "@/lib/domain/dates";

const kz = calendarFrom(kazakhstanHolidays(2019, 2026));

describe("working days over Kazakhstan's calendar", () => {
  it("skips weekends", () => {
    // Friday 2020-11-20 + 1 working day = Monday 2020-11-23
    const step = shiftWorkingDays("2020-11-20", 1, kz);
    expect(step.date).toBe("2020-11-23");
    expect(step.skipped).toEqual([
      { date: "2020-11-21", why: "weekend" },
      { date: "2020-11-22", why: "weekend" },
    ]);
  });

  it("skips public holidays, including Nauryz", () => {
    // Friday 2023-03-17 → Mon 20 works, 21–23 Nauryz (Tue–Thu) are off, Fri 24 works
    expect(isWorkingDay("2023-03-21", kz)).toBe(false);
    expect(shiftWorkingDays("2023-03-17", 2, kz).date).toBe("2023-03-24");
  });

  it("moves a holiday that falls on a weekend to the next working day", () => {
    // 8 March 2020 was a Sunday: Monday 9 March 2020 was a day off
    expect(isWorkingDay("2020-03-09", kz)).toBe(false);
    expect(isWorkingDay("2020-03-10", kz)).toBe(true);
  });

  it("counts backwards for 'at least N working days before'", () => {
    // Event on Monday 2022-03-14; 10 working days before skips the weekends and 7–8 March (holidays)
    const step = shiftWorkingDays("2022-03-14", -10, kz);
    expect(step.date).toBe("2022-02-25");
    expect(step.skipped.map((s) => s.date)).toContain("2022-03-08");
  });

  it("honours a weekend declared a working day", () => {
    const cal = calendarFrom([{ date: "2024-03-09", kind: "working_day" }]);
    expect(isWorkingDay("2024-03-09", cal)).toBe(true);
    expect(shiftWorkingDays("2024-03-08", 1, cal).date).toBe("2024-03-09");
  });

  it("counts working days between two dates", () => {
    expect(workingDaysBetween("2020-11-16", "2020-11-26", kz)).toBe(8);
    expect(workingDaysBetween("2020-11-26", "2020-11-16", kz)).toBe(-8);
  });

  it("moves a day off forward to the next working day", () => {
    expect(nextWorkingDayOnOrAfter("2023-04-22", kz)).toBe("2023-04-24");
  });

  it("clamps month arithmetic to the month's end", () => {
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
  });
});
