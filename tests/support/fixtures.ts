// What the integration tests build again and again: form posts, groups, members with a role,
// a server action run as someone, and a component rendered with the message catalogue.
// Files using `run` mock the session with ./session (see there).
import { expect } from "vitest";
import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import type { Actor } from "@/lib/auth/access";
import type { Role } from "@/lib/domain/vocabulary";
import type { Locale } from "@/lib/i18n/config";
import { db } from "@/lib/db";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { loadActor } from "@/lib/data/users";
import { loadMessages } from "@/lib/i18n/catalogue";
import { navigation } from "./setup";
import { session } from "./session";

/** A form post as the browser sends it: an array value is one field repeated ("grounds[]"). */
export type Entries = Record<string, string | string[]>;

export function form(entries: Entries): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

export async function makeGroup(slug: string, name = slug.toUpperCase(), extra: { city?: string } = {}) {
  return db.group.create({ data: { slug, name, ...extra } });
}

/**
 * A user with these memberships, as the app loads a signed-in caller. The e-mail is made from the
 * name unless given; `user` also sets columns a test looks for (a password hash that must not leak).
 */
export async function makeActor(
  name: string,
  roles: [groupId: string, role: Role][],
  user: { email?: string; passwordHash?: string; locale?: string; isOperator?: boolean } = {},
): Promise<Actor> {
  const row = await db.user.create({ data: { email: `${name}@example.test`, name, passwordHash: "x", ...user } });
  for (const [groupId, role] of roles) await db.membership.create({ data: { userId: row.id, groupId, role } });
  return (await loadActor(row.id))!;
}

/** The cast most action tests need: groups A and B, an editor and a viewer in A, an editor in B. */
export async function twoGroups() {
  const groupA = (await makeGroup("groupa", "Group A")).id;
  const groupB = (await makeGroup("groupb", "Group B")).id;
  const editorA = await makeActor("editor-a", [[groupA, "editor"]]);
  const viewerA = await makeActor("viewer-a", [[groupA, "viewer"]]);
  const editorB = await makeActor("editor-b", [[groupB, "editor"]]);
  return { groupA, groupB, editorA, viewerA, editorB };
}

export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Runs a form action as `actor`. Success redirects, which comes back as { redirect: target }. */
export async function run(actor: Actor | null, action: FormAction, entries: Entries) {
  session.actor = actor;
  try {
    return { state: await action(initialFormState, form(entries)), redirect: null as string | null };
  } catch (e) {
    if (((e as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { state: null, redirect: navigation.redirects[navigation.redirects.length - 1] };
    throw e;
  }
}

function withMessages(el: ReactElement, locale: Locale, extra: { now?: Date; onError?: (e: Error) => void }) {
  return h(NextIntlClientProvider, { locale, messages: loadMessages(locale), timeZone: "Asia/Almaty", ...extra, children: el });
}

/** Server-side HTML in a locale, as a page would render it; `now` pins relative times. */
export function render(el: ReactElement, locale: Locale = "en", options: { now?: Date } = {}): string {
  return renderToString(withMessages(el, locale, options.now ? { now: options.now } : {}));
}

/** Plain HTML (no hydration markers) in a locale; a message missing from the catalogue fails the test. */
export function renderChecked(el: ReactElement, locale: Locale): string {
  const missing: string[] = [];
  const html = renderToStaticMarkup(withMessages(el, locale, { onError: (e: Error) => missing.push(e.message) }));
  expect(missing, `${locale}: ${missing.join("; ")}`).toEqual([]);
  return html;
}
