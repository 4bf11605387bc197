// "@name" in a comment: who is named. A full name or an email's local part, any case, not a
// longer name that starts the same, not an email address typed in the text.
import { describe, expect, it } from "vitest";
import { mentionedIn } from "@/lib/domain/mentions";

const people = [
  { userId: "u1", name: "Dana Owner", email: "dana@owners.test" },
  { userId: "u2", name: "Ann", email: "ann.k@example.test" },
  { userId: "u3", name: "Anna Bekova", email: "anna@example.test" },
  { userId: "u4", name: "Айгерим Нурланова", email: "aigerim@example.test" },
];

describe("mentionedIn", () => {
  it("finds a member by full name or by the local part of their email, in any case", () => {
    expect(mentionedIn("@Dana Owner, please call the akimat", people)).toEqual(["u1"]);
    expect(mentionedIn("ask @DANA first", people)).toEqual(["u1"]);
    expect(mentionedIn("@айгерим нурланова, посмотри ответ", people)).toEqual(["u4"]);
    expect(mentionedIn("@ann.k and @anna", people)).toEqual(["u2", "u3"]);
  });

  it("does not take a longer name for a shorter one, nor an email address for a mention", () => {
    expect(mentionedIn("@Annabel will come", people)).toEqual([]);
    expect(mentionedIn("write to someone@dana.kz", people)).toEqual([]);
    expect(mentionedIn("no mention of Dana Owner here", people)).toEqual([]);
  });

  it("names each member once", () => {
    expect(mentionedIn("@Dana Owner @dana @Dana Owner", people)).toEqual(["u1"]);
  });
});
