// /api/calendar/<secret>: a member's calendar feed. The secret is in the path because calendar
// apps cannot send a header (the accepted exception for feeds, see lib/data/calendar-feeds.ts);
// nothing here logs the path. Unknown and revoked secrets answer the same 404.
import { renderCalendarFeed } from "@/lib/data/calendar-feeds";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const ics = await renderCalendarFeed(token);
  if (ics === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="tracker.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}
