// /applications/<id>/filings/saved/<fileId>: a saved generated filing, for the members of the
// case's group only (anyone else: 404, as for a missing file).
import { getActor } from "@/lib/auth/session";
import { readGeneratedFiling } from "@/lib/data/filings";
import { filingErrorResponse, fileResponse } from "@/lib/filing-response";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }): Promise<Response> {
  const { id, fileId } = await params;
  const actor = await getActor();
  if (!actor) {
    const back = `/applications/${encodeURIComponent(id)}/filings`;
    return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}` } });
  }
  try {
    const { row, bytes } = await readGeneratedFiling(actor, id, fileId);
    return fileResponse(bytes, row.fileName, row.mimeType);
  } catch (e) {
    return filingErrorResponse(e);
  }
}
