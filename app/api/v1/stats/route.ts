// GET /api/v1/stats — the refusal statistics of the /stats page, with the same filters.
import { runApi, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { latestStats } from "@/lib/data/stats";
import { cleanParams, statsFiltersSchema } from "@/lib/validation/stats";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return runApi(req, async ({ actor, url }) => {
    const filters = parseQuery(statsFiltersSchema, url, cleanParams);
    return json({ data: (await latestStats(actor, filters)).value });
  });
}
