// A token that arrived in an email link is moved out of the URL at once: the link's route puts
// it in a short httpOnly cookie scoped to its own pages and redirects to a clean address
// (answered with Referrer-Policy: no-referrer), so it is in no history entry, log line or Referer.
export const RESET_COOKIE = { name: "tracker.password-reset", path: "/password-reset", maxAge: 30 * 60 } as const;
export const LOCK_COOKIE = { name: "tracker.lock-account", path: "/account", maxAge: 30 * 60 } as const;

export function linkCookieOptions(c: { path: string; maxAge: number }, https: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: c.path, secure: https, maxAge: c.maxAge };
}
