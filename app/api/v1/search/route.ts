// GET /api/v1/search?q= — the /search page's results: ranked, the matching words marked, the
// reader's visibility applied (anonymous: public records; a token adds its group's own).
import { runApi, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { searchRecords } from "@/lib/data/search";
import { cleanParams } from "@/lib/validation/stats";
import { searchQuerySchema } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return runApi(req, async ({ actor, url, locale }) => {
    const query = parseQuery(searchQuerySchema, url, cleanParams);
    const { items, ...page } = await searchRecords(actor, { q: query.q ?? "", kind: query.kind ?? null, year: query.year ? Number(query.year) : null, page: query.page ? Number(query.page) : 1 }, locale);
    return json({ ...page, data: items });
  });
}
