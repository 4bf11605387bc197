// Search across scripts: the spellings a query is widened to (lib/domain/fold.ts).
import { describe, expect, it } from "vitest";
import { cyrillicToLatin, foldForSearch, latinToCyrillic, searchVariants } from "@/lib/domain/fold";

describe("searchVariants", () => {
  it("reads Russian and Kazakh Cyrillic in Latin letters, the Kazakh letters as English texts write them", () => {
    expect(cyrillicToLatin("Алматы")).toBe("almaty");
    expect(cyrillicToLatin("Шымкент")).toBe("shymkent");
    expect(cyrillicToLatin("Қарағанды")).toBe("karagandy");
    expect(cyrillicToLatin("Өскемен")).toBe("oskemen");
    expect(cyrillicToLatin("Жаңаөзен")).toBe("zhanaozen");
    expect(cyrillicToLatin("Ақтөбе")).toBe("aktobe");
  });

  it("reads Latin place names in Cyrillic", () => {
    expect(latinToCyrillic("Almaty")).toBe("алматы");
    expect(latinToCyrillic("Shymkent")).toBe("шымкент");
    expect(latinToCyrillic("Karaganda")).toBe("караганда");
    expect(latinToCyrillic("Zhanaozen")).toBe("жанаозен");
  });

  it("folds case in every script, Kazakh letters included", () => {
    expect(foldForSearch("ӘКІМДІГІ ҚАЛАСЫ ҢҒҮҰӨҺ")).toBe("әкімдігі қаласы ңғүұөһ");
    expect(foldForSearch("Ёлка")).toBe("елка");
  });

  it("gives the query and its other-script spelling, once each", () => {
    expect(searchVariants("Алматы")).toEqual(["алматы", "almaty"]);
    expect(searchVariants("Almaty")).toEqual(["almaty", "алматы"]);
    expect(searchVariants("2023")).toEqual(["2023"]);
    expect(searchVariants("  ")).toEqual([]);
  });
});
