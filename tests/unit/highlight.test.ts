import { describe, expect, it } from "vitest";
import { highlightQuotes } from "@/lib/domain/highlight";

describe("highlightQuotes", () => {
  it("marks each quote where it stands and leaves the rest plain", () => {
    const runs = highlightQuotes("One. Two three. Four.", [{ id: "a", quote: "Two three." }]);
    expect(runs).toEqual([
      { text: "One. ", citationIds: [] },
      { text: "Two three.", citationIds: ["a"] },
      { text: " Four.", citationIds: [] },
    ]);
  });

  it("keeps overlapping quotes apart and ignores a quote not in the text", () => {
    const runs = highlightQuotes("abcdef", [
      { id: "x", quote: "abcd" },
      { id: "y", quote: "cdef" },
      { id: "z", quote: "nope" },
    ]);
    expect(runs.map((r) => [r.text, r.citationIds])).toEqual([
      ["ab", ["x"]],
      ["cd", ["x", "y"]],
      ["ef", ["y"]],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe("abcdef");
  });
});
