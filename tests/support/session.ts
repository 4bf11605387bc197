// The caller of the request, for integration tests. The real lib/auth/session reads a next-auth
// cookie, which a test has none of, so a test file stands this module in for it:
//
//   vi.mock("@/lib/auth/session", () => import("../support/session"));
//
// and then acts as someone by setting `session.actor` (or through `run` in ./fixtures). The
// factory's import and the test file's own import of this file are one module instance, so what
// the test sets is what the code under test reads.
import type { Actor } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";

export const session: { actor: Actor | null; locale: Locale } = { actor: null, locale: "en" };

export async function getActor(): Promise<Actor | null> {
  return session.actor;
}

/** As for actions: an anonymous caller gets the same error as from the real module. */
export async function requireActor(): Promise<Actor> {
  if (!session.actor) throw new AppError("unauthenticated");
  return session.actor;
}

export async function requirePageActor(): Promise<Actor | null> {
  return session.actor;
}

/** For files that also stand this module in for @/lib/i18n/request: the visitor's language. */
export async function resolveLocale(): Promise<Locale> {
  return session.locale;
}
