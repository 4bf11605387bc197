// GET /api/v1/applications — the applications list with the list page's filters, paginated.
import { runApi, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { summaryFor } from "@/lib/api/serialize";
import { listApplications } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { applicationListSchema } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return runApi(req, async ({ actor, url, locale }) => {
    const filters = parseQuery(applicationFiltersSchema, url);
    const list = await listApplications(actor, filters, locale);
    const pageUrl = (page: number) => {
      const u = new URL(url);
      u.searchParams.set("page", String(page));
      return u.toString();
    };
    return json(
      applicationListSchema.parse({
        data: list.items.map((item) => summaryFor(item, url)),
        page: list.page,
        pageSize: list.pageSize,
        pageCount: list.pageCount,
        total: list.total,
        links: {
          self: pageUrl(list.page),
          next: list.page < list.pageCount ? pageUrl(list.page + 1) : null,
          prev: list.page > 1 ? pageUrl(list.page - 1) : null,
        },
      }),
    );
  });
}
