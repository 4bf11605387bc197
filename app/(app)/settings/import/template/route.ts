// GET /settings/import/template?format=csv|xlsx: the template spreadsheet, headers in the
// reader's language. It holds no data, but is offered to signed-in members only, like the page.
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { IMPORT_FIELDS } from "@/lib/domain/import-values";
import { templateCsv, templateXlsx } from "@/lib/import/template";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 303, headers: { Location: "/signin?callbackUrl=%2Fsettings%2Fimport" } });
  const t = await getTranslations("importer");
  const header = IMPORT_FIELDS.map((f) => t(`field.${f}`));
  const rows = [1, 2].map((n) => IMPORT_FIELDS.map((f) => t(`template.example${n}.${f}`)));
  const format = new URL(req.url).searchParams.get("format");
  const name = t("template.fileName");
  if (format === "xlsx") {
    const bytes = await templateXlsx(header, rows, t("template.sheetName"));
    return new Response(bytes as BodyInit, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(templateCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="import-template.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`,
      "Cache-Control": "no-store",
    },
  });
}
