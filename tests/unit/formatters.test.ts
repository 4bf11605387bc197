import { describe, expect, it } from "vitest";
import { dateFormat, numberFormat } from "@/lib/i18n/formatters";

describe("shared Intl formatters", () => {
  it("formats dates at each precision, in UTC, per locale", () => {
    const d = new Date(Date.UTC(2020, 10, 16));
    expect(dateFormat("en", "day").format(d)).toBe("Nov 16, 2020");
    expect(dateFormat("en", "month").format(d)).toBe("November 2020");
    expect(dateFormat("en", "year").format(d)).toBe("2020");
    expect(dateFormat("ru", "month").format(d)).toMatch(/^ноябрь 2020/);
  });

  it("formats Kazakh dates as CLDR (and Node) do, without relying on the browser's ICU data", () => {
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2027, m, 22));
      for (const precision of ["day", "month", "year"] as const) {
        const intl = new Intl.DateTimeFormat("kk", { year: "numeric", month: precision === "day" ? "short" : precision === "month" ? "long" : undefined, day: precision === "day" ? "numeric" : undefined, timeZone: "UTC" });
        expect(dateFormat("kk", precision).format(d), `${m} ${precision}`).toBe(intl.format(d));
      }
    }
    expect(dateFormat("kk", "day").format(new Date(Date.UTC(2027, 1, 22)))).toBe("2027 ж. 22 ақп.");
    expect(numberFormat("kk").format(1234567.5)).toBe(new Intl.NumberFormat("kk").format(1234567.5));
  });

  it("builds one formatter per locale and options, and keeps it", () => {
    expect(dateFormat("ru", "day")).toBe(dateFormat("ru", "day"));
    expect(dateFormat("ru", "day")).not.toBe(dateFormat("en", "day"));
    expect(numberFormat("en", { maximumFractionDigits: 1 })).toBe(numberFormat("en", { maximumFractionDigits: 1 }));
    expect(numberFormat("en", { maximumFractionDigits: 1 })).not.toBe(numberFormat("en", { maximumFractionDigits: 0 }));
  });

  it("formats numbers and currencies as Intl does", () => {
    expect(numberFormat("en", { maximumFractionDigits: 1 }).format(42.857)).toBe("42.9");
    expect(numberFormat("en", { style: "currency", currency: "KZT", maximumFractionDigits: 0 }).format(69000)).toBe(
      new Intl.NumberFormat("en", { style: "currency", currency: "KZT", maximumFractionDigits: 0 }).format(69000),
    );
  });

  it("stays bounded when record data brings many currency codes", () => {
    const first = numberFormat("en", { style: "currency", currency: "AAA" });
    for (let i = 0; i < 600; i++) numberFormat("en", { style: "currency", currency: `X${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}` });
    // The first was dropped when the cache filled up; asking again builds a working one.
    expect(numberFormat("en", { style: "currency", currency: "AAA" })).not.toBe(first);
    expect(numberFormat("en", { style: "currency", currency: "AAA" }).format(1)).toContain("1");
  });
});
