import { describe, expect, it } from "vitest";
import { mergeApplication, mergeThreeWay } from "@/lib/domain/merge";
import { emptyApplication, type ApplicationValues } from "@/lib/domain/application-values";

describe("mergeThreeWay", () => {
  it("takes theirs where only they changed, mine where only I did, and lists fields both changed differently", () => {
    const base = { a: "1", b: "1", c: "1", d: "1", e: "1" };
    const mine = { a: "1", b: "mine", c: "mine", d: "same", e: "1", f: "new-mine" };
    const theirs = { a: "theirs", b: "1", c: "theirs", d: "same", e: "1" };
    const r = mergeThreeWay(base, mine, theirs);
    expect(r.merged).toEqual({ a: "theirs", b: "mine", c: "mine", d: "same", e: "1", f: "new-mine" });
    expect(r.conflicts).toEqual([{ field: "c", base: "1", mine: "mine", theirs: "theirs" }]);
    expect(r.theirs).toEqual(["a"]);
    expect(r.mine).toEqual(["b", "f"]);
  });

  it("treats a missing field as empty", () => {
    expect(mergeThreeWay({ x: "" }, {}, { x: "set" }).merged).toEqual({ x: "set" });
  });
});

function app(over: Partial<ApplicationValues> = {}): ApplicationValues {
  return {
    ...emptyApplication("g1"),
    id: "app1",
    version: "1",
    title: "T",
    parts: [
      { id: "p1", form: "march", place: "", route: "R", eventDate: "2024-03-08", eventDatePrecision: "day", startTime: "", endTime: "", expectedParticipants: "", equipment: ["sound"] },
      { id: "p2", form: "rally", place: "S", route: "", eventDate: "", eventDatePrecision: "day", startTime: "", endTime: "", expectedParticipants: "", equipment: [] },
    ],
    applicants: [{ personId: "x1", fullName: "Aigerim", idNumber: "", address: "", phone: "" }],
    ...over,
  };
}

describe("mergeApplication", () => {
  it("merges rows by id: their edit, their new row, my removal, my new row", () => {
    const base = app();
    const theirs = app({ version: "2", parts: [{ ...base.parts[0], route: "Their route" }, base.parts[1], { ...base.parts[1], id: "p3", form: "picket", place: "Their picket" }] });
    const newPart = { ...base.parts[1], id: "", form: "meeting", place: "My meeting" };
    const mine = app({ title: "My title", parts: [base.parts[0], newPart] }); // removed p2, added a new one
    const r = mergeApplication(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.values.title).toBe("My title");
    expect(r.values.version).toBe("2");
    expect(r.values.parts.map((p) => [p.id, p.form, p.route || p.place])).toEqual([
      ["p1", "march", "Their route"],
      ["", "meeting", "My meeting"],
      ["p3", "picket", "Their picket"],
    ]);
  });

  it("compares equipment and organizers as sets", () => {
    const base = app({ organizerIds: ["g1", "g2"] });
    const mine = app({ organizerIds: ["g2", "g1"], parts: [{ ...base.parts[0], equipment: ["sound"] }, base.parts[1]] });
    const theirs = app({ organizerIds: ["g1"] });
    const r = mergeApplication(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.values.organizerIds).toEqual(["g1"]);
  });

  it("a field both changed keeps mine and is listed", () => {
    const r = mergeApplication(app(), app({ title: "Mine", isPublic: true }), app({ title: "Theirs" }));
    expect(r.conflicts.map((c) => c.field)).toEqual(["title"]);
    expect(r.values).toMatchObject({ title: "Mine", isPublic: true });
  });
});
