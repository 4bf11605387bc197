// The reset email's link: the token leaves the URL at once, into a short cookie for the
// password form, and the browser goes on to a clean address (see lib/accounts/link-cookie.ts).
import { moveTokenToCookie } from "@/lib/accounts/link-route";
import { RESET_COOKIE } from "@/lib/accounts/link-cookie";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return moveTokenToCookie(req, RESET_COOKIE, "/password-reset/new");
}
