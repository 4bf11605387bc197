// A sentence ending in a date gets one full stop, also when the date already ends with one
// ("22 февр. 2027 г." in Russian, "2027 ж. 22 ақп." in Kazakh): the filing check used to show
// "22 февр. 2027 г..".
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { FilingCheck } from "@/components/applications/FilingCheck";
import { DateText } from "@/components/ui/DateText";
import { loadMessages } from "@/lib/i18n/catalogue";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { withFullStop } from "@/lib/i18n/formatters";

function text(el: React.ReactElement, locale: Locale): string {
  const html = renderToStaticMarkup(h(NextIntlClientProvider, { locale, messages: loadMessages(locale), timeZone: "Asia/Almaty", children: el }));
  return html.replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ");
}

const clock = {
  rules: [
    { code: "notification_filing", unit: "working_days", amount: 5, direction: "before", countsFrom: "event_date", legalBasis: "Law, Art. 10", active: true },
    { code: "notification_answer", unit: "working_days", amount: 3, direction: "after", countsFrom: "filed_on", legalBasis: "Law, Art. 12", active: true },
  ],
  holidays: [],
  workingWeekends: [],
};
const input = { procedure: "notification" as const, filedOn: "2027-02-22", filedOnPrecision: "day", parts: [{ form: "march", eventDate: "2027-03-08", eventDatePrecision: "day" }] };

describe("one full stop after a date", () => {
  it("withFullStop adds one only when the text does not end with one", () => {
    expect(withFullStop("Feb 22, 2027")).toBe("Feb 22, 2027.");
    expect(withFullStop("22 февр. 2027 г.")).toBe("22 февр. 2027 г.");
    expect(withFullStop("2027 ж. 22 ақп.")).toBe("2027 ж. 22 ақп.");
  });

  it("the filing check ends its sentences with one full stop in every locale", () => {
    for (const locale of LOCALES) {
      const shown = text(h(FilingCheck, { clock, input }), locale);
      expect(shown, locale).not.toMatch(/\.\./);
      expect(shown, locale).toMatch(/\d{4}.*\./);
    }
    expect(text(h(FilingCheck, { clock, input }), "ru")).toContain("22 февр. 2027 г.");
  });

  it("a date that ends a sentence: 'Feb 22, 2027.' in English, '22 февр. 2027 г.' in Russian", () => {
    expect(text(h(DateText, { value: "2027-02-22", endsSentence: true }), "en")).toBe("Feb 22, 2027.");
    expect(text(h(DateText, { value: "2027-02-22", endsSentence: true }), "ru")).toBe("22 февр. 2027 г.");
    expect(text(h(DateText, { value: "2027-02-22", endsSentence: true }), "kk")).toBe("2027 ж. 22 ақп.");
  });
});
