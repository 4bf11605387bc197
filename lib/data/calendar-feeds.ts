import "server-only";
// Personal calendar feeds: a URL a calendar app (Google Calendar, Apple Calendar, Thunderbird)
// subscribes to. The app can send no header, so the secret is the last part of the URL path —
// the accepted exception to "no secret in a URL" for feeds. It is shown once, stored only as
// its SHA-256 hash, revocable, never logged (the route logs nothing of its path).
import crypto from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import type { Actor } from "../auth/access";
import { can, visibleGroupIds } from "../auth/access";
import { AppError, NotFoundError } from "../errors";
import { todayIso, addDays } from "../domain/dates";
import { mailLocale } from "../mail/render";
import { buildCalendar } from "../calendar/ics";
import { notifyTranslator } from "../i18n/notify";
import { agendaFor, entryId } from "./agenda";
import { logChange } from "./audit";
import { loadActor } from "./users";

export const FEED_PREFIX = "cal_";
export const MAX_ACTIVE_FEEDS = 10;
/** How far back a feed reaches: a hearing of last month stays in the calendar a while. */
const FEED_PAST_DAYS = 60;

export function hashFeedToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function listCalendarFeeds(actor: Actor) {
  return db.calendarFeed.findMany({
    where: { userId: actor.userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Creates a feed; its secret (and so its URL) is returned here and never again. */
export async function createCalendarFeed(actor: Actor, name: string): Promise<{ id: string; name: string; token: string }> {
  const token = FEED_PREFIX + crypto.randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    const active = await tx.calendarFeed.count({ where: { userId: actor.userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_FEEDS) throw new AppError("invalid", "too_many_feeds");
    const created = await tx.calendarFeed.create({ data: { userId: actor.userId, name, tokenHash: hashFeedToken(token) } });
    await logChange(tx, actor, { entity: "CalendarFeed", entityId: created.id, action: "create", after: { name, userId: actor.userId } });
    return { id: created.id, name, token };
  });
}

/** Revokes one of the actor's own feeds; anyone else's is "not found". */
export async function revokeCalendarFeed(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const feed = await tx.calendarFeed.findFirst({ where: { id, userId: actor.userId } });
    if (!feed) throw new NotFoundError();
    if (feed.revokedAt) return;
    const revokedAt = new Date();
    await tx.calendarFeed.update({ where: { id }, data: { revokedAt } });
    await logChange(tx, actor, { entity: "CalendarFeed", entityId: id, action: "update", before: { revokedAt: null }, after: { revokedAt: revokedAt.toISOString() } });
  });
}

export function feedPath(token: string): string {
  return `/api/calendar/${token}`;
}

/**
 * The feed a secret stands for, as iCalendar text, or null (unknown, revoked, user gone): the
 * route answers 404 alike. The events are those of the feed owner's groups, with their cases'
 * titles: the feed is the member's own and shows what they may read, no more.
 */
export async function renderCalendarFeed(secret: string, now = new Date()): Promise<string | null> {
  const token = secret.replace(/\.ics$/, "");
  if (!token.startsWith(FEED_PREFIX) || token.length > 200) return null;
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashFeedToken(token) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true, user: { select: { locale: true } } } });
  if (!feed || feed.revokedAt) return null;
  const actor = await loadActor(feed.userId);
  if (!actor) return null;
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > 60_000) {
    await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  }
  const locale = mailLocale(feed.user.locale);
  const entries = await agendaFor(db, visibleGroupIds(actor), addDays(todayIso(now), -FEED_PAST_DAYS));
  return buildCalendar(entries, { name: notifyTranslator(locale)("calendar.feedName"), locale, appUrl: env.appUrl, titleOf: (e) => e.title, host: host() });
}

/** One deadline or hearing of a case the actor is a member of, as an .ics file; null if none. */
export async function renderCalendarEvent(actor: Actor, locale: string, caseId: string, eventId: string, now = new Date()): Promise<string | null> {
  const c = await db.application.findUnique({ where: { id: caseId }, select: { groupId: true } });
  if (!c || !can(actor, c.groupId, "viewer")) return null;
  // "deadline" and "hearing" name what the case page shows: the open deadline, the next hearing
  // (else the last one: a member may keep a past date too).
  const today = todayIso(now);
  const all = (await agendaFor(db, [c.groupId], "0000-01-01")).filter((e) => e.caseId === caseId);
  const ofKind = all.filter((e) => e.item.type === eventId);
  const first = eventId === "deadline" || eventId === "hearing" ? (ofKind.find((e) => e.item.dueOn >= today) ?? ofKind[ofKind.length - 1]) : all.find((e) => entryId(e) === eventId);
  if (!first) return null;
  const entries = [first];
  const l = mailLocale(locale);
  return buildCalendar(entries, { name: notifyTranslator(l)("calendar.feedName"), locale: l, appUrl: env.appUrl, titleOf: (e) => e.title, host: host() });
}

function host(): string {
  return new URL(env.appUrl).hostname || "tracker";
}
