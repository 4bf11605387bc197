// How a spreadsheet cell is read on import: dates as people write them in three languages,
// forms and outcomes by name, columns found from their headers.
import { describe, expect, it } from "vitest";
import { detectMapping, readDate, readForm, readOutcome, readRow, splitNames, type ImportLabels } from "@/lib/domain/import-values";

const labels: ImportLabels = { form: { march: ["Шествие", "Шеру", "March"] }, outcome: { refused: ["Отказ", "Бас тартылды", "Refused"] } };

describe("readDate", () => {
  it.each([
    ["12.03.2023", "2023-03-12", "day"],
    ["2.3.2023", "2023-03-02", "day"],
    ["12/03/2023", "2023-03-12", "day"],
    ["2023-03-12", "2023-03-12", "day"],
    ["2023-03-12 00:00:00", "2023-03-12", "day"],
    ["12 марта 2023", "2023-03-12", "day"],
    ["12 марта 2023 г.", "2023-03-12", "day"],
    ["12 марта 2023 года", "2023-03-12", "day"],
    ["1 мая 2021", "2021-05-01", "day"],
    ["2023 жылғы 12 наурыз", "2023-03-12", "day"],
    ["12 наурыз 2023 ж.", "2023-03-12", "day"],
    ["12 қазан 2022", "2022-10-12", "day"],
    ["5 қараша 2022", "2022-11-05", "day"],
    ["12 March 2023", "2023-03-12", "day"],
    ["March 12, 2023", "2023-03-12", "day"],
    ["март 2023", "2023-03-01", "month"],
    ["наурыз 2023", "2023-03-01", "month"],
    ["03.2023", "2023-03-01", "month"],
    ["2023", "2023-01-01", "year"],
    ["2023 г.", "2023-01-01", "year"],
  ])("%s → %s (%s)", (cell, date, precision) => {
    expect(readDate(cell)).toEqual({ date, precision });
  });

  it("an empty cell is no date; anything else that is not a date is an error", () => {
    expect(readDate("  ")).toEqual({ date: null, precision: "unknown" });
    for (const bad of ["31.02.2023", "вчера", "12.13.2023", "12 мартобря 2023", "1800", "12.03.23"]) expect(readDate(bad), bad).toBe("invalid");
  });
});

describe("forms and outcomes by name", () => {
  it("reads Russian, Kazakh and English names, and the catalogue's labels", () => {
    expect(readForm("шествие", labels)).toBe("march");
    expect(readForm("ШЕРУ", labels)).toBe("march");
    expect(readForm("Пикет", labels)).toBe("picket");
    expect(readForm("митинг", labels)).toBe("rally");
    expect(readForm("rally", labels)).toBe("rally");
    expect(readForm("флешмоб", labels)).toBeNull();
    expect(readOutcome("Отказано", labels)).toBe("refused");
    expect(readOutcome("бас тартылды", labels)).toBe("refused");
    expect(readOutcome("Согласовано", labels)).toBe("approved");
    expect(readOutcome("Жауап жоқ", labels)).toBe("no_answer");
    expect(readOutcome("", labels)).toBe("pending");
    expect(readOutcome("может быть", labels)).toBeNull();
  });
});

describe("columns", () => {
  it("are found from Russian, Kazakh and English headers", () => {
    expect(detectMapping(["Название", "Дата подачи", "Орган", "Форма", "Результат", "Причина отказа"])).toMatchObject({ title: 0, filedOn: 1, authority: 2, form: 3, outcome: 4, statedReason: 5, city: -1 });
    expect(detectMapping(["Атауы", "Берілген күні", "Нысаны", "Нәтиже"])).toMatchObject({ title: 0, filedOn: 1, form: 2, outcome: 3 });
    expect(detectMapping(["Event date", "Filing date", "Form", "Authority"])).toMatchObject({ eventDate: 0, filedOn: 1, form: 2, authority: 3 });
  });

  it("a row is read with its problems named by field", () => {
    const m = detectMapping(["Название", "Дата подачи", "Форма", "Результат", "Заявители"]);
    const ok = readRow(["Марш", "8 марта 2024 г.", "Шествие", "Отказ", "Иванова А.; Петрова Б.;"], 2, m, labels)!;
    expect(ok.problems).toEqual([]);
    expect(ok.record).toMatchObject({ title: "Марш", filedOn: "2024-03-08", parts: [{ form: "march" }], answers: [{ outcomes: [{ outcome: "refused" }] }] });
    expect(ok.record!.applicants.map((a) => a.fullName)).toEqual(["Иванова А.", "Петрова Б."]);
    const bad = readRow(["Марш", "30.02.2024", "", "Отказ", ""], 7, m, labels)!;
    expect(bad.record).toBeNull();
    expect(bad.problems.map((p) => [p.key, p.field])).toEqual([
      ["date_unreadable", "filedOn"],
      ["form_missing", "form"],
    ]);
    expect(readRow(["", " ", "", "", ""], 8, m, labels)).toBeNull();
    expect(splitNames("А; Б\nВ;А")).toEqual(["А", "Б", "В"]);
  });
});
