// When someone saved first, the form shows their version field by field: values as saved,
// a dash for an empty field, in the user's language.
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { ConflictPanel } from "@/components/applications/ConflictPanel";
import { StageConflict } from "@/components/appeals/StageConflict";
import { renderChecked } from "../support/fixtures";

const text = (html: string) => html.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");

describe("the conflict panels", () => {
  it("show an application as it was saved, with a dash for empty fields", () => {
    const current = {
      version: 3,
      updatedAt: "2024-02-20T10:00:00.000Z",
      title: "Womens March 2024",
      isPublic: true,
      authority: "Akimat of Almaty",
      organizers: ["Feminita", "KazFem"],
      city: "Almaty",
      purpose: "",
      filedOn: "2024-02-20",
      filedOnPrecision: "day",
      registrationNumber: "",
      notes: "Saved by the other editor",
      applicants: [],
      parts: [{ form: "march", place: "", route: "From the park to the akimat", eventDate: "2024-03-08", startTime: "12:00", endTime: "14:00" }],
    };
    for (const locale of ["en", "ru"] as const) {
      const html = renderChecked(h(ConflictPanel, { current }), locale);
      expect(html).toContain("data-conflict");
      const t = text(html);
      expect(t).toContain("|Womens March 2024|");
      expect(t).toContain("|Feminita, KazFem|");
      expect(t).toContain("|Saved by the other editor|");
      expect(t).toContain("From the park to the akimat");
      // purpose, registration number and applicants are empty
      expect(t.match(/\|—\|/g)?.length).toBe(3);
    }
    expect(text(renderChecked(h(ConflictPanel, { current }), "en"))).toContain("|Title|Womens March 2024|");
  });

  it("show an appeal stage as it was saved, naming its body from the list", () => {
    const current = {
      version: 2,
      kind: "court_first",
      filedOn: "2023-03-20",
      filedOnPrecision: "day",
      bodyId: "b1",
      bodyName: "",
      caseNumber: "",
      authorityArguments: "The place was taken",
      notes: "",
    };
    const html = renderChecked(h(StageConflict, { current, bodies: [{ id: "b1", name: "Specialized inter-district administrative court of Almaty", nameRu: "", kind: "court", city: "Almaty" }] }), "en");
    const t = text(html);
    expect(t).toContain("|Specialized inter-district administrative court of Almaty|");
    expect(t).toContain("|The place was taken|");
    expect(t.match(/\|—\|/g)?.length).toBe(2);
  });
});
