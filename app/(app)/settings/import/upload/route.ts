// POST /settings/import/upload: a spreadsheet (CSV, XLSX) or a JSON export, as a plain multipart
// form. A route handler, not a server action: a spreadsheet is larger than an action's body.
// The upload is kept for its member (lib/data/import-batches.ts) and the browser goes on to its
// preview; a refusal goes back to the form with the reason. Nothing secret is in either URL.
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { sameOriginPost } from "@/lib/security/same-origin";
import { MAX_IMPORT_BYTES } from "@/lib/domain/import-values";
import { createImportBatch, ImportRefusedError } from "@/lib/data/import-batches";
import { readBodyLimited } from "@/lib/files/read-body";

export const dynamic = "force-dynamic";

const see = (to: string, status = 303) => new Response(null, { status, headers: { Location: to, "Cache-Control": "no-store" } });
const back = (reason: string) => see(`/settings/import?error=${encodeURIComponent(reason)}#upload`);

export async function POST(req: Request): Promise<Response> {
  if (!sameOriginPost(req)) return new Response("Cross-site request refused", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const actor = await getActor();
  if (!actor) return see("/signin?callbackUrl=%2Fsettings%2Fimport");
  const body = await readBodyLimited(req, MAX_IMPORT_BYTES + 64 * 1024);
  if (!body) return back("too_big");
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return back("no_file");
  }
  const groupId = String(form.get("groupId") ?? "");
  const kind = form.get("kind") === "json" ? "json" : "sheet";
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return back("no_file");
  try {
    const id = await createImportBatch(actor, { groupId, kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return see(`/settings/import/${id}`);
  } catch (e) {
    if (e instanceof ImportRefusedError) return back(e.reason);
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) return new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    console.error("import upload failed:", e instanceof Error ? e.message : "unknown error");
    return back("unexpected");
  }
}
