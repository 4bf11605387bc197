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

describe("formToObject with hostile field names", () => {
  it("ignores prototype segments and absurd row indices, keeps the rest", () => {
    const fd = new FormData();
    fd.append("__proto__.isAdmin", "yes");
    fd.append("parts.constructor.x", "1");
    fd.append("parts.100000.form", "march");
    fd.append("parts.0.form", "rally");
    const o = formToObject(fd);
    expect(o).toEqual({ parts: [{ form: "rally" }] });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("reads at most MAX_FIELDS fields", async () => {
    const { MAX_FIELDS } = await import("@/lib/validation/form-data");
    const fd = new FormData();
    for (let i = 0; i < MAX_FIELDS + 10; i++) fd.append(`f${i}`, "x");
    expect(Object.keys(formToObject(fd))).toHaveLength(MAX_FIELDS);
  });
});

describe("formToObject with names nested too deep", () => {
  it("rejects the whole submission, by dots or by brackets, however long the name", async () => {
    const { FormTooDeepError, MAX_DEPTH } = await import("@/lib/validation/form-data");
    for (const key of [`a${".b".repeat(MAX_DEPTH)}`, `a${"[0]".repeat(MAX_DEPTH)}`, `a${".0".repeat(300_000)}`]) {
      const fd = new FormData();
      fd.append("title", "x");
      fd.append(key, "x");
      expect(() => formToObject(fd)).toThrow(FormTooDeepError);
    }
    const fd = new FormData();
    fd.append("base.parts.0.form", "march"); // the deepest name a form of the app uses
    expect(formToObject(fd)).toEqual({ base: { parts: [{ form: "march" }] } });
  });
});
