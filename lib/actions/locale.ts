"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "../i18n/config";
import { getActor } from "../auth/session";
import { setUserLocale } from "../data/users";

/** Remembers the language in a cookie, and on the account when signed in. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  const actor = await getActor();
  if (actor) await setUserLocale(actor.userId, locale);
}
