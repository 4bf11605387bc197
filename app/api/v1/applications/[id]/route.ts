// GET /api/v1/applications/{id} — one whole case: answers, grounds, appeals, hearings,
// rulings, incidents and the citations they rest on. 404 for what the caller may not see.
import { runApi, json } from "@/lib/api/handler";
import { caseFor } from "@/lib/api/serialize";
import { getCase } from "@/lib/data/cases";

export const dynamic = "force-dynamic";

export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return runApi(req, async ({ actor, locale }) => {
    const { id } = await params;
    return json({ data: caseFor(actor, await getCase(actor, id, { locale })) });
  });
}
