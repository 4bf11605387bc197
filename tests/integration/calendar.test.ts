// Calendar feeds and "add to calendar": the feed a member subscribes to, read by a real ICS
// parser (node-ical) — events, links back to the case, the Asia/Almaty time zone — and a
// revoked or unknown feed answering 404; the one-event download for members only.
import { beforeAll, describe, expect, it, vi } from "vitest";
import ical, { type VEvent } from "node-ical";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { recomputeCase } from "@/lib/data/case-state";
import { addDays, todayIso } from "@/lib/domain/dates";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/actions/notify";
import { listCalendarFeeds } from "@/lib/data/calendar-feeds";
import { GET as feedGET } from "@/app/api/calendar/[token]/route";
import { GET as eventGET } from "@/app/(app)/applications/[id]/calendar/[event]/route";
import { session } from "../support/session";
import { makeActor, makeGroup, run } from "../support/fixtures";

const APP_URL = "https://tracker.example.org";
const today = todayIso();

beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  await loadReference(db);
});

async function refusedCase(groupId: string, title: string, isPublic = false) {
  const app = await db.application.create({
    data: { groupId, title, isPublic, procedure: "notification", filedOn: addDays(today, -10), parts: { create: [{ form: "rally" }] } },
    include: { parts: true },
  });
  await db.answer.create({ data: { applicationId: app.id, receivedOn: addDays(today, -1), partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  await db.$transaction((tx) => recomputeCase(tx, app.id, today));
  return app.id;
}

async function caseWithHearing(groupId: string, title: string, heldOn: string, time: string) {
  // Filed long ago: its answer deadline is older than anything a feed shows.
  const app = await db.application.create({ data: { groupId, title, procedure: "notification", filedOn: addDays(today, -200), parts: { create: [{ form: "march" }] } } });
  const stage = await db.appealStage.create({ data: { applicationId: app.id, kind: "first_instance", filedOn: addDays(today, -20) } });
  const hearing = await db.hearing.create({ data: { appealStageId: stage.id, heldOn, time } });
  return { caseId: app.id, hearingId: hearing.id };
}

function feedUrlToken(path: string): string {
  return path.split("/").pop()!;
}

async function readFeed(token: string) {
  const res = await feedGET(new Request(`${APP_URL}/api/calendar/${token}`), { params: Promise.resolve({ token }) });
  return { res, text: res.status === 200 ? await res.text() : "" };
}

/** node-ical gives a property with parameters (URL;VALUE=URI) as { params, val }. */
function str(v: unknown): string {
  return typeof v === "object" && v !== null && "val" in v ? String((v as { val: unknown }).val) : String(v);
}

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

describe("calendar feeds", () => {
  it("a member's feed holds every deadline and hearing of their groups' cases, linked to the case, in Almaty time; revoked, it answers 404", async () => {
    const group = await makeGroup("cal-a", "Calendar A");
    const other = await makeGroup("cal-b", "Calendar B");
    const member = await makeActor("cal-member", [[group.id, "viewer"]], { locale: "ru" });
    const outsider = await makeActor("cal-outsider", [[other.id, "admin"]]);
    const privateCase = await refusedCase(group.id, "Закрытый митинг у акимата");
    const hearingOn = addDays(today, 10);
    const { caseId: courtCase, hearingId } = await caseWithHearing(group.id, "Шествие 1 мая", hearingOn, "10:30");
    const otherCase = await refusedCase(other.id, "Чужое дело");

    const created = await run(member, createCalendarFeedAction, { name: "Телефон" });
    expect(created.state?.ok).toBe(true);
    const path = String(created.state?.data?.path);
    expect(path).toMatch(/^\/api\/calendar\/cal_[A-Za-z0-9_-]{40,}$/);
    const token = feedUrlToken(path);
    // Only the hash is stored; the list shows the name, never the secret.
    const stored = await db.calendarFeed.findMany({ where: { userId: member.userId } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await listCalendarFeeds(member))).not.toContain(token);

    const { res, text } = await readFeed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(text).toContain("X-WR-TIMEZONE:Asia/Almaty");
    const evs = events(text);
    expect(evs).toHaveLength(2);

    const deadline = evs.find((e) => str(e.url).endsWith(privateCase))!;
    expect(deadline.datetype).toBe("date"); // an all-day event on the last day
    expect(String(deadline.summary)).toContain("Последний день подачи административной жалобы");
    // The member's own feed names the private case: it shows what the member may read.
    expect(String(deadline.summary)).toContain("Закрытый митинг у акимата");
    expect(str(deadline.url)).toBe(`${APP_URL}/applications/${privateCase}`);
    expect(String(deadline.description)).toContain(`${APP_URL}/applications/${privateCase}`);

    const hearing = evs.find((e) => str(e.url).endsWith(courtCase))!;
    expect(hearing.datetype).toBe("date-time");
    expect(hearing.start.tz).toBe("Asia/Almaty");
    // 10:30 in Almaty (UTC+5) is 05:30 UTC.
    expect(hearing.start.toISOString()).toBe(`${hearingOn}T05:30:00.000Z`);
    expect(hearing.end!.getTime() - hearing.start.getTime()).toBe(3_600_000);
    expect(String(hearing.summary)).toContain("Судебное заседание");
    expect(String(hearing.summary)).toContain("Шествие 1 мая");
    expect(String(hearing.uid)).toContain(hearingId);
    // Another group's case is not in this member's feed.
    expect(text).not.toContain(otherCase);
    expect(text).not.toContain("Чужое дело");

    // The outsider cannot revoke the member's feed; the member can.
    const feedId = stored[0].id;
    const refused = await run(outsider, revokeCalendarFeedAction, { id: feedId });
    expect(refused.state?.ok).toBe(false);
    expect((await db.calendarFeed.findUniqueOrThrow({ where: { id: feedId } })).revokedAt).toBeNull();
    expect((await readFeed(token)).res.status).toBe(200);
    const revoked = await run(member, revokeCalendarFeedAction, { id: feedId });
    expect(revoked.redirect).toBe("/settings/calendar?revoked=1");
    const after = await readFeed(token);
    expect(after.res.status).toBe(404);
    expect(await after.res.text()).not.toContain("Calendar");
    // An unknown or malformed secret: the same 404.
    expect((await readFeed(`cal_${"x".repeat(43)}`)).res.status).toBe(404);
    expect((await readFeed("nonsense")).res.status).toBe(404);
  });

  it("a feed follows its owner's memberships: removed from the group, the group's cases leave the feed", async () => {
    const group = await makeGroup("cal-c", "Calendar C");
    const member = await makeActor("cal-leaver", [[group.id, "editor"]]);
    await refusedCase(group.id, "Пикет у маслихата");
    const created = await run(member, createCalendarFeedAction, { name: "Laptop" });
    const token = feedUrlToken(String(created.state?.data?.path));
    expect(events((await readFeed(token)).text)).toHaveLength(1);
    await db.membership.deleteMany({ where: { userId: member.userId } });
    const { res, text } = await readFeed(token);
    expect(res.status).toBe(200);
    expect(events(text)).toHaveLength(0);
  });

  it("a feed name is required and checked beside its field; nothing is created", async () => {
    const group = await makeGroup("cal-d", "Calendar D");
    const member = await makeActor("cal-empty", [[group.id, "viewer"]]);
    const r = await run(member, createCalendarFeedAction, { name: "  " });
    expect(r.state?.ok).toBe(false);
    expect(r.state?.errors?.name).toEqual(["required"]);
    expect(await db.calendarFeed.count({ where: { userId: member.userId } })).toBe(0);
  });
});

describe("add to calendar", () => {
  it("a member downloads one deadline or hearing as .ics; a non-member gets 404 and a visitor is sent to sign in", async () => {
    const group = await makeGroup("cal-e", "Calendar E");
    const other = await makeGroup("cal-f", "Calendar F");
    const member = await makeActor("cal-one", [[group.id, "viewer"]]);
    const stranger = await makeActor("cal-stranger", [[other.id, "admin"]]);
    const caseId = await refusedCase(group.id, "Public rally", true);
    const heldOn = addDays(today, 5);
    const { caseId: courtCase } = await caseWithHearing(group.id, "Court case", heldOn, "");
    const get = (id: string, event: string) => eventGET(new Request(`${APP_URL}/applications/${id}/calendar/${event}`), { params: Promise.resolve({ id, event }) });

    session.actor = member;
    session.locale = "en";
    const res = await get(caseId, "deadline");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const evs = events(await res.text());
    expect(evs).toHaveLength(1);
    expect(String(evs[0].summary)).toBe("Last day to file the administrative complaint: Public rally");
    expect(str(evs[0].url)).toBe(`${APP_URL}/applications/${caseId}`);

    const h = events(await (await get(courtCase, "hearing")).text());
    expect(h).toHaveLength(1);
    expect(h[0].datetype).toBe("date"); // no time known: all day
    expect(String(h[0].summary)).toContain("Court hearing (first instance)");
    expect((await get(courtCase, "no-such-event")).status).toBe(404);
    expect((await get("no-such-case", "deadline")).status).toBe(404);

    // A public case is still not the stranger's to download: members only.
    session.actor = stranger;
    expect((await get(caseId, "deadline")).status).toBe(404);
    session.actor = null;
    const anon = await get(caseId, "deadline");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toContain("/signin");
  });
});
