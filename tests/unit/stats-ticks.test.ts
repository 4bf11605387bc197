// Chart labels keep to their place on the axis (two lines at most) and keep the whole label
// in the SVG (tests/unit/stats-chart.test.ts), so long Russian and Kazakh ground names no longer run into each other.
import { describe, expect, it } from "vitest";
import { fitLabel } from "@/components/stats/tick-label";

describe("fitLabel", () => {
  it("leaves a short label whole", () => {
    expect(fitLabel("2023", 10)).toEqual({ lines: ["2023"], truncated: false });
  });

  it("wraps between words onto two lines", () => {
    expect(fitLabel("Место уже занято другим мероприятием", 22)).toEqual({ lines: ["Место уже занято", "другим мероприятием"], truncated: false });
  });

  it("cuts a longer label with an ellipsis on the last line, every line within the width", () => {
    const label = "Қауіпсіздікке, қоғамдық тәртіпке немесе денсаулыққа қатер";
    const fitted = fitLabel(label, 22);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines).toHaveLength(2);
    for (const l of fitted.lines) expect(l.length).toBeLessThanOrEqual(22);
    expect(fitted.lines[1].endsWith("…")).toBe(true);
    expect(label.startsWith(fitted.lines[0])).toBe(true);
  });

  it("splits a word longer than a line", () => {
    const fitted = fitLabel("Мамандандырылғанауданаралықәкімшілік", 10);
    expect(fitted.lines.every((l) => l.length <= 10)).toBe(true);
    expect(fitted.truncated).toBe(true);
  });
});
