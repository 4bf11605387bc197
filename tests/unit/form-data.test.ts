import { describe, expect, it } from "vitest";
import { formToObject } from "@/lib/validation/form-data";

describe("formToObject", () => {
  it("nests indexed rows and collects checkbox groups", () => {
    const fd = new FormData();
    fd.append("title", "Women's March");
    fd.append("parts.0.form", "march");
    fd.append("parts.0.route", "Abay Ave");
    fd.append("parts.1.form", "rally");
    fd.append("grounds[]", "works");
    fd.append("grounds[]", "place_taken");
    expect(formToObject(fd)).toEqual({
      title: "Women's March",
      parts: [{ form: "march", route: "Abay Ave" }, { form: "rally" }],
      grounds: ["works", "place_taken"],
    });
  });

  it("drops holes left by removed rows", () => {
    const fd = new FormData();
    fd.append("parts.0.form", "march");
    fd.append("parts.2.form", "rally");
    expect(formToObject(fd)).toEqual({ parts: [{ form: "march" }, { form: "rally" }] });
  });
});
