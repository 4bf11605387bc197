// Cross-site request forgery, for the few POSTs that are route handlers rather than server
// actions (Next.js checks a server action's Origin against its Host itself; this is the same
// check). A browser sends Origin on every POST; a request from another site is refused.
export function sameOriginPost(req: Request): boolean {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host") || new URL(req.url).host;
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  // No usable Origin: only a browser's own same-origin fetch metadata lets it through.
  const site = req.headers.get("sec-fetch-site");
  return site === "same-origin";
}
