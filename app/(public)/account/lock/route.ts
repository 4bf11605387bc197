// "This wasn't me → lock my account" from an email: the token leaves the URL at once, into a
// short cookie, and the browser goes on to the confirmation page, whose button POSTs.
import { moveTokenToCookie } from "@/lib/accounts/link-route";
import { LOCK_COOKIE } from "@/lib/accounts/link-cookie";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return moveTokenToCookie(req, LOCK_COOKIE, "/account/lock/confirm");
}
