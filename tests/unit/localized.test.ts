import { describe, expect, it } from "vitest";
import { localized } from "@/lib/i18n/localized";

const ground = { code: "works", labelEn: "Repair works", labelRu: "Ремонтные работы" };
const authority = { name: "Akimat of Almaty", nameRu: "Акимат города Алматы" };

describe("localized: reference data in the viewer's language", () => {
  it("picks the viewer's column", () => {
    expect(localized(ground, "label", "en")).toBe("Repair works");
    expect(localized(ground, "label", "ru")).toBe("Ремонтные работы");
    expect(localized(authority, "name", "en")).toBe("Akimat of Almaty");
    expect(localized(authority, "name", "ru")).toBe("Акимат города Алматы");
  });

  it("Kazakh uses a Kazakh column when there is one, else Russian, else English", () => {
    expect(localized({ ...authority, nameKk: "Алматы қаласының әкімдігі" }, "name", "kk")).toBe("Алматы қаласының әкімдігі");
    expect(localized(ground, "label", "kk")).toBe("Ремонтные работы");
    expect(localized({ ...ground, labelRu: "" }, "label", "kk")).toBe("Repair works");
    expect(localized(authority, "name", "kk")).toBe("Акимат города Алматы");
    expect(localized({ name: "Akimat of Almaty", nameRu: null }, "name", "kk")).toBe("Akimat of Almaty");
  });

  it("an empty column falls back instead of showing nothing", () => {
    expect(localized({ titleEn: "", titleRu: "Стандарт" }, "title", "en")).toBe("Стандарт");
    expect(localized({ titleEn: "Standard", titleRu: "  " }, "title", "ru")).toBe("Standard");
    expect(localized({}, "title", "ru")).toBe("");
    expect(localized(null, "title", "kk")).toBe("");
  });
});
