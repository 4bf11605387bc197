// The search's query (from the /search page's URL or GET /api/v1/search). One schema
// validates both and describes the API in the OpenAPI document (lib/api/openapi.ts).
import { z } from "zod";
import { SEARCH_KINDS } from "../data/search-index";
import { cleanParams } from "./stats";

export { SEARCH_KINDS };

export const searchQuerySchema = z.object({
  q: z.string({ error: "invalid" }).max(200, { error: "too_long" }).describe("The words to look for. Russian words are found in any form («отказали» finds «отказ»); every word must match.").optional(),
  kind: z.enum(SEARCH_KINDS, { error: "invalid_choice" }).optional().describe("Only records of this kind."),
  year: z.string({ error: "invalid" }).regex(/^(19|20)\d{2}$/, { error: "invalid" }).optional().describe("Only records of this year (filed, answered, held, happened, published)."),
  page: z.string({ error: "invalid" }).regex(/^[1-9]\d{0,4}$/, { error: "invalid" }).optional().describe("Page number, from 1 (20 results a page)."),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

const snippetRunSchema = z.object({ text: z.string(), mark: z.boolean().describe("A word the search asked for.") });

export const searchResultSchema = z.object({
  q: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  pageSize: z.number().int(),
  data: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      applicationId: z.string().nullable().describe("The case the record belongs to."),
      href: z.string().describe("The page that shows the record."),
      title: z.array(snippetRunSchema).describe("The record's (or its case's) title, cut into runs; marked runs are the matching words."),
      snippet: z.array(snippetRunSchema).nullable().describe("A passage of the record's text around the matching words."),
      year: z.number().int().nullable(),
    }),
  ),
});

/** The page's query, read leniently: a bad kind, year or page is dropped rather than refused. */
export function readSearchQuery(input: URLSearchParams | Record<string, string | string[] | undefined>): { q: string; kind: (typeof SEARCH_KINDS)[number] | null; year: number | null; page: number } {
  const p = cleanParams(input);
  const kind = (SEARCH_KINDS as readonly string[]).includes(p.kind ?? "") ? (p.kind as (typeof SEARCH_KINDS)[number]) : null;
  const year = /^(19|20)\d{2}$/.test(p.year ?? "") ? Number(p.year) : null;
  const page = /^[1-9]\d{0,4}$/.test(p.page ?? "") ? Number(p.page) : 1;
  return { q: (p.q ?? "").slice(0, 200), kind, year, page };
}
