// /applications/<id>/calendar/<event>: "add to calendar" for one deadline or hearing, an .ics
// file for members of the case's group. Route handlers are not wrapped by the (app) layout,
// so this one checks the session itself.
import { getActor } from "@/lib/auth/session";
import { renderCalendarEvent } from "@/lib/data/calendar-feeds";
import { resolveLocale } from "@/lib/i18n/request";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; event: string }> }): Promise<Response> {
  const { id, event } = await params;
  const actor = await getActor();
  if (!actor) {
    const back = `/applications/${encodeURIComponent(id)}`;
    return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}` } });
  }
  const ics = await renderCalendarEvent(actor, await resolveLocale(), id, event.replace(/\.ics$/, ""));
  if (ics === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="event.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
