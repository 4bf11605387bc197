// GET /files/<id>: an attached document, opened in the browser or (?download=1) saved.
// Whoever may not read it (another group's file, an unpublished one, a deleted one) gets the
// same 404 as for an id that never existed.
import { getActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { attachmentBytes, readableAttachment } from "@/lib/data/attachments";
import { documentResponse, notFoundResponse } from "@/lib/files/response";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const row = await readableAttachment(await getActor(), id);
    const bytes = await attachmentBytes(row);
    if (!bytes) return notFoundResponse();
    return documentResponse(bytes, row, new URL(req.url).searchParams.get("download") === "1");
  } catch (e) {
    if (e instanceof NotFoundError) return notFoundResponse();
    throw e;
  }
}
