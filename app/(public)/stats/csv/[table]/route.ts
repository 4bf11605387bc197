// One statistics table as CSV, with the same filters (and the same visibility) as the page.
import { getActor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv";
import { latestStats } from "@/lib/data/stats";
import { isOneOf } from "@/lib/domain/vocabulary";
import { STATS_TABLES } from "@/lib/domain/stats";
import { cleanParams, statsFiltersSchema } from "@/lib/validation/stats";
import { buildStatsTables, tableToCsvRows } from "@/components/stats/tables";
import { requestLocale, translator } from "@/lib/api/i18n";
import { badParameters, errorResponse, jsonError } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ table: string }> }) {
  const locale = requestLocale(req);
  const t = translator(locale, "stats");
  const tApi = translator(locale, "api");
  try {
    const { table } = await params;
    if (!isOneOf(STATS_TABLES, table)) return jsonError(404, "not_found", tApi("error.not_found"));
    const parsed = statsFiltersSchema.safeParse(cleanParams(new URL(req.url).searchParams));
    if (!parsed.success) throw badParameters(parsed.error);
    const { value: figures } = await latestStats(await getActor(), parsed.data);
    const found = buildStatsTables(figures, { locale, t, vocab: translator(locale, "vocab") }).find((x) => x.id === table)!;
    // The byte-order mark lets spreadsheet programs read Cyrillic as UTF-8.
    const { fields, data } = tableToCsvRows(found);
    const csv = "\uFEFF" + toCsv(data, { fields });
    const stamp = [table, ...Object.values(parsed.data)].join("_").replace(/[^\w.-]+/g, "-");
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="stats_${stamp}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, tApi, translator(locale, "errors"));
  }
}
