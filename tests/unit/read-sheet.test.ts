// Reading an uploaded CSV as people save it: Excel's UTF-8 with a BOM and semicolons, or
// Windows-1251 (what a Russian Excel writes as "CSV"), with quoted cells over several lines.
import { describe, expect, it } from "vitest";
import { readCsv, readSheet, SheetError } from "@/lib/import/read-sheet";

/** Windows-1251 bytes for Cyrillic text (а–я, А–Я, ё, Ё) and ASCII. */
function cp1251(s: string): Uint8Array {
  return new Uint8Array(
    [...s].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (ch === "ё") return 0xb8;
      if (ch === "Ё") return 0xa8;
      throw new Error(`not in the test's table: ${ch}`);
    }),
  );
}

describe("readCsv", () => {
  it("reads UTF-8 with a BOM and semicolons, a quoted cell over two lines included", () => {
    const text = '\uFEFFНазвание;Дата подачи\r\n"Марш;\nвторая строка";12.03.2023\r\n\r\n';
    expect(readCsv(new TextEncoder().encode(text))).toEqual({ header: ["Название", "Дата подачи"], rows: [["Марш;\nвторая строка", "12.03.2023"]] });
  });

  it("reads Windows-1251 when the bytes are not UTF-8", () => {
    expect(readCsv(cp1251("Название,Форма\nШествие у акимата,Шествие\n"))).toEqual({ header: ["Название", "Форма"], rows: [["Шествие у акимата", "Шествие"]] });
  });

  it("refuses an empty file and a file that is not a spreadsheet", async () => {
    expect(() => readCsv(new TextEncoder().encode("Название\n"))).toThrow(SheetError);
    await expect(readSheet("scan.ods", new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: "unsupported" });
  });
});
