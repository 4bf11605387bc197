import "server-only";
// The language cookie: set by the language switch, and at sign-in from the account, so a
// member's chosen language follows them to every device they sign in on.
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./config";

export const LOCALE_COOKIE_OPTIONS = { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" } as const;

/** Sets the cookie when `locale` is one we have; anything else leaves the device's choice. */
export async function rememberLocale(locale: string | null | undefined): Promise<void> {
  if (isLocale(locale)) (await cookies()).set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
}
