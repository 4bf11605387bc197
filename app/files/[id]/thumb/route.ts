// GET /files/<id>/thumb: a small preview (a photo's thumbnail, a PDF's first page), under
// the same check as the file itself.
import { getActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { attachmentBytes, readableAttachment } from "@/lib/data/attachments";
import { notFoundResponse, previewResponse } from "@/lib/files/response";
import { thumbnail } from "@/lib/files/preview";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const row = await readableAttachment(await getActor(), id);
    const bytes = await attachmentBytes(row);
    if (!bytes) return notFoundResponse();
    return previewResponse(await thumbnail(bytes, row.mimeType));
  } catch (e) {
    if (e instanceof NotFoundError) return notFoundResponse();
    throw e;
  }
}
