// GET /api/v1/export?group=SLUG[&format=csv&entity=NAME] — a group's own records, for its
// members (signed in, or with a personal API token). Anyone else: 401 or 404. Written to the
// response a batch of rows at a time, so a large group's export neither fails nor fills memory.
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ApiError } from "@/lib/api/errors";
import { exportGroupForMember, streamText } from "@/lib/api/group-export";
import { runApi } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { ENTITY_NAMES, type EntityName } from "@/lib/data/export";
import { exportQuerySchema } from "@/lib/validation/api";
import { cleanParams } from "@/lib/validation/stats";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return runApi(req, async ({ actor: tokenActor, scopes, url }) => {
    // A token reads; only one made with the export scope downloads a group's data.
    if (tokenActor && !scopes?.includes("export")) throw new ApiError(403, "missing_scope");
    const q = parseQuery(exportQuerySchema, url, cleanParams);
    const entity = q.entity as EntityName | undefined;
    if (q.format === "csv" && (!entity || !ENTITY_NAMES.includes(entity))) {
      throw new ApiError(400, "bad_parameter", { zod: new z.ZodError([{ code: "custom", path: ["entity"], message: "invalid_choice", input: q.entity }]) });
    }
    const actor = tokenActor ?? (await getActor());
    if (!actor) throw new ApiError(401, "members_only");
    const { slug, json, csv } = await exportGroupForMember(actor, q.group);
    const day = new Date().toISOString().slice(0, 10);
    const headers = { "cache-control": "private, no-store" };
    if (q.format === "csv" && entity) {
      // The byte-order mark lets spreadsheet programs read Cyrillic as UTF-8.
      return new Response(streamText(csv(entity), "\uFEFF"), {
        headers: { ...headers, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${slug}-${entity}-${day}.csv"` },
      });
    }
    return new Response(streamText(json()), {
      headers: { ...headers, "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${slug}-export-${day}.json"` },
    });
  });
}
