import { describe, expect, it } from "vitest";
import { ftsQuery, indexText, queryGroups, snippet, tsQuery } from "@/lib/domain/search-terms";

describe("search terms", () => {
  it("reduces Russian words to prefixes that meet other forms of the word", () => {
    const [refused] = queryGroups("отказали");
    expect(refused).toContain("отказ");
    expect(queryGroups("шествия")[0]).toContain("шеств");
    // A word in the other script is looked for too.
    expect(queryGroups("almaty")[0]).toEqual(expect.arrayContaining(["almaty", "алмат"]));
    expect(indexText("Отказали в шествии")).toBe("отказа отказали в шеств шествии");
  });

  it("looks for a Kazakh word without its endings: «шеруді», «шерулер» find «шеру»", () => {
    expect(queryGroups("шеруді")[0]).toContain("шеру");
    expect(queryGroups("шерулер")[0]).toContain("шеру");
    expect(queryGroups("әкімдігінің")[0]).toContain("әкімдіг");
    // Written only with letters Russian shares: a plural with a case ending is still Kazakh.
    expect(queryGroups("шерулерге")[0]).toContain("шеру");
    expect(queryGroups("акциялардан")[0]).toContain("акция");
    // A Russian word is not cut as a Kazakh one: «алматы» keeps «алмат», «товары» its stem.
    expect(queryGroups("алматы")[0]).not.toContain("алма");
    expect(queryGroups("товары")[0]).toEqual(["tovary", "товар"]);
    expect(snippet("Әйелдер шеруі өтті", queryGroups("шеруді"))!.filter((r) => r.mark).map((r) => r.text)).toEqual(["шеруі"]);
  });

  it("builds queries of letters and digits only, whatever is typed", () => {
    const groups = queryGroups(`"отказ" OR * ) 'x':* & NEAR( 2023`);
    expect(ftsQuery(groups)).not.toMatch(/[()]{2}|[:&']/);
    expect(tsQuery(groups)).toContain("('2023':*)");
    for (const g of groups) for (const p of g) expect(p).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(queryGroups("   ")).toEqual([]);
  });

  it("cuts a passage around the first match with the matching words marked", () => {
    const text = `${"Вступление. ".repeat(30)}Акимат отказал: площадь занята. ${"Хвост. ".repeat(40)}`;
    const runs = snippet(text, queryGroups("отказали площадь"))!;
    expect(runs[0].text.startsWith("…")).toBe(true);
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(["отказал", "площадь"]);
    expect(runs.at(-1)!.text.endsWith("…")).toBe(true);
    expect(runs.map((r) => r.text).join("").length).toBeLessThan(300);
    expect(snippet("ничего общего", queryGroups("отказ"))).toBeNull();
  });
});
