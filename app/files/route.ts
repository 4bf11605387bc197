// POST /files: attaching documents to a record. A route handler, not a server action, because
// scans are larger than a form (the proxy lets this path's bodies reach TRACKER_MAX_UPLOAD_*).
// A plain multipart form posts here and is sent back to the page with the result; the
// enhanced form (XMLHttpRequest, for progress) asks for JSON.
import { getActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { AppError } from "@/lib/errors";
import { attachmentDetailsSchema } from "@/lib/validation/attachments";
import { fieldErrors } from "@/lib/actions/form-state";
import { attachFiles, FileRefusedError, type UploadedFile } from "@/lib/data/attachments";
import { maxFileBytes, maxRequestBytes } from "@/lib/files/limits";
import { sameOriginPost } from "@/lib/security/same-origin";
import { revalidatePath } from "next/cache";
import { readBodyLimited } from "@/lib/files/read-body";

export const dynamic = "force-dynamic";

interface Outcome {
  ok: boolean;
  /** documents.errors.<code> or errors.<code> */
  message?: string;
  fileName?: string;
  errors?: Record<string, string[]>;
  count?: number;
}

function answer(req: Request, back: string, outcome: Outcome, status: number, values: Record<string, string> = {}): Response {
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  if (wantsJson) return Response.json(outcome, { status, headers: { "Cache-Control": "no-store" } });
  // Without JavaScript: back to the page, with the result and what was typed (never a file).
  const url = new URL(back, "http://placeholder.invalid");
  for (const k of [...url.searchParams.keys()]) if (k.startsWith("doc_")) url.searchParams.delete(k);
  if (values.subjectId) url.searchParams.set("doc_subjectId", values.subjectId);
  if (outcome.ok) url.searchParams.set("doc_added", String(outcome.count ?? 0));
  else {
    url.searchParams.set("doc_error", outcome.message ?? "unexpected");
    if (outcome.fileName) url.searchParams.set("doc_file", outcome.fileName);
    for (const [k, v] of Object.entries(values)) if (v && k !== "subjectId") url.searchParams.set(`doc_${k}`, v.slice(0, 300));
  }
  url.hash = values.subjectId ? `documents-${values.subjectId}` : "";
  return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}${url.hash}`, "Cache-Control": "no-store" } });
}

export async function POST(req: Request): Promise<Response> {
  if (!sameOriginPost(req)) return new Response("Cross-site request refused", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const actor = await getActor();
  if (!actor) return answer(req, "/signin", { ok: false, message: "unauthenticated" }, 401);
  const fallback = "/dashboard";
  const body = await readBodyLimited(req, maxRequestBytes());
  if (!body) return answer(req, safeCallbackPath(req.headers.get("referer"), new URL(req.url).origin, fallback), { ok: false, message: "request_too_big" }, 413);

  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return answer(req, fallback, { ok: false, message: "invalid" }, 400);
  }
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const back = safeCallbackPath(text("returnTo"), new URL(req.url).origin, fallback);
  const values = { subjectId: text("subjectId"), kind: text("kind"), title: text("title"), documentDate: text("documentDate") };

  const parsed = attachmentDetailsSchema.safeParse({ subjectType: text("subjectType"), ...values });
  if (!parsed.success) return answer(req, back, { ok: false, message: "form_invalid", errors: fieldErrors(parsed.error) }, 400, values);

  const files: UploadedFile[] = [];
  for (const f of form.getAll("files")) {
    if (typeof f === "string" || (f.size === 0 && !f.name)) continue;
    if (f.size > maxFileBytes()) return answer(req, back, { ok: false, message: "too_big", fileName: f.name }, 413, values);
    files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  try {
    const rows = await attachFiles(actor, parsed.data, files, { applicationId: text("applicationId") || undefined });
    if (rows[0]?.applicationId) revalidatePath(`/applications/${rows[0].applicationId}`);
    return answer(req, back, { ok: true, count: rows.length }, 200, { subjectId: values.subjectId });
  } catch (e) {
    if (e instanceof FileRefusedError) return answer(req, back, { ok: false, message: e.code, fileName: e.fileName }, e.code === "too_big" ? 413 : 400, values);
    if (e instanceof AppError) return answer(req, back, { ok: false, message: e.code }, e.code === "not_found" ? 404 : e.code === "forbidden" ? 403 : 400, values);
    console.error("upload failed:", e instanceof Error ? e.message : "unknown error");
    return answer(req, back, { ok: false, message: "unexpected" }, 500, values);
  }
}
