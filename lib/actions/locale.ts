"use server";
import { isLocale } from "../i18n/config";
import { rememberLocale } from "../i18n/locale-cookie";
import { getActor } from "../auth/session";
import { setUserLocale } from "../data/users";

/** Remembers the language in a cookie, and on the account when signed in. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  await rememberLocale(locale);
  const actor = await getActor();
  if (actor) await setUserLocale(actor.userId, locale);
}
