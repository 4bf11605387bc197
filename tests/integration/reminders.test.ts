// Deadline reminders by email, exactly once, through a real SMTP server started here; the job
// queue's claims, leases, retries and drops; the Settings → Reminders form.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import type { AddressInfo } from "node:net";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db-client";
import { loadReference } from "@/prisma/seed/reference";
import { recomputeCase } from "@/lib/data/case-state";
import { loadClock } from "@/lib/data/rules";
import { caseClockInput, nextDeadline } from "@/lib/domain/deadlines";
import { shiftWorkingDays } from "@/lib/domain/working-days";
import { enqueue, registerHandler, workOnce, claimNext, scheduleRecurring, registerRecurring, pruneFinished } from "@/lib/jobs";
import { registerReminderJobs, scanReminders, EMAIL_KIND } from "@/lib/data/reminders";
import { closeMailTransport, notify } from "@/lib/mail";
import { updateReminderPreferencesAction } from "@/lib/actions/reminders";
import { makeActor, makeGroup, renderChecked, run } from "../support/fixtures";
import { createElement as h } from "react";
import { ReminderForm } from "@/components/settings/ReminderForm";

const APP_URL = "https://tracker.example.org";
let smtp: TestSmtp;
let inbox: ParsedMail[] = [];
const other = createPrismaClient(process.env.DATABASE_URL); // a second app instance's client

beforeAll(async () => {
  smtp = await startTestSmtp((m) => inbox.push(m));
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Tracker <tracker@example.org>";
  process.env.APP_URL = APP_URL;
  await loadReference(db);
  registerReminderJobs();
});

afterAll(async () => {
  closeMailTransport();
  await other.$disconnect();
  await smtp.close();
});

beforeEach(async () => {
  inbox = [];
  await db.job.deleteMany();
  await db.application.deleteMany(); // each test counts the reminders of its own cases
});

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));

let seq = 0;
/** A refused notification whose answer came on `answeredOn`: its next clock is the complaint. */
async function refusedCase(groupId: string, title: string, answeredOn: string) {
  const app = await db.application.create({
    data: { groupId, title, procedure: "notification", filedOn: "2026-02-02", parts: { create: [{ form: "rally" }] } },
    include: { parts: true },
  });
  const answer = await db.answer.create({ data: { applicationId: app.id, receivedOn: answeredOn, partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  await db.$transaction((tx) => recomputeCase(tx, app.id, "2026-03-01"));
  return { id: app.id, answerId: answer.id };
}

async function complaintDue(caseId: string): Promise<string> {
  const c = await db.application.findUniqueOrThrow({
    where: { id: caseId },
    include: { answers: { include: { partOutcomes: true } }, appealStages: { include: { ruling: true } } },
  });
  const clock = await loadClock(db);
  const d = nextDeadline(caseClockInput(c, c.answers[c.answers.length - 1], false), clock.rules, clock.calendar)!;
  expect(d.nextStep).toBe("complaint");
  return d.dueOn;
}

/** 09:00 in Almaty (04:00 UTC) on the day `n` working days before `dueOn`. */
async function workingDaysBefore(dueOn: string, n: number): Promise<Date> {
  const clock = await loadClock(db);
  return new Date(`${shiftWorkingDays(dueOn, -n, clock.calendar).date}T04:00:00Z`);
}

async function setup(label: string, answeredOn = "2026-03-02") {
  const group = await makeGroup(`g-${label}-${++seq}`, `Group ${label}`);
  const ru = await makeActor(`ru-${label}-${seq}`, [[group.id, "viewer"]], { locale: "ru" });
  const en = await makeActor(`en-${label}-${seq}`, [[group.id, "editor"]], { locale: "en" });
  const kase = await refusedCase(group.id, `Митинг 8 марта (${label})`, answeredOn);
  const due = await complaintDue(kase.id);
  return { group, ru, en, kase, due, now: await workingDaysBefore(due, 3) };
}

describe("deadline reminders by email", () => {
  it("a member receives the reminder for a complaint due in three working days, in Russian, with a link to the case, exactly once", async () => {
    const { ru, en, kase, due, now } = await setup("once");
    // Someone in another group with the same kind of case hears nothing of this one.
    const outsiderGroup = await makeGroup(`outsiders-${seq}`);
    const outsider = await makeActor(`outsider-${seq}`, [[outsiderGroup.id, "admin"]]);

    // The scan and the worker, twice each, then two workers (two app instances) at once.
    expect(await scanReminders(db, now)).toBe(2);
    expect(await scanReminders(db, now)).toBe(0);
    await workOnce({ db, now: () => now });
    await workOnce({ db, now: () => now });
    await Promise.all([workOnce({ db, now: () => now }), workOnce({ db: other, now: () => now })]);
    expect(await scanReminders(other, now)).toBe(0);

    const toRu = inbox.filter((m) => to(m).includes(ru.email));
    expect(toRu).toHaveLength(1);
    const m = toRu[0];
    expect(m.subject).toContain("Последний день подачи административной жалобы");
    expect(m.subject).toContain("Митинг 8 марта (once)");
    expect(m.text).toContain(`${APP_URL}/applications/${kase.id}`);
    expect(m.text).toContain("через 3 рабочих дня");
    expect(m.html).toContain(`href="${APP_URL}/applications/${kase.id}"`);
    expect(m.html).toContain('lang="ru"');
    expect(m.headers.get("content-language")).toBe("ru");
    expect(m.from?.value[0].address).toBe("tracker@example.org");
    // The date, in Russian, is the complaint's due date.
    const [y, mo, d] = due.split("-").map(Number);
    expect(m.text).toContain(String(d));
    expect(m.text).toContain(String(y));
    expect(mo).toBeGreaterThan(0);

    const toEn = inbox.filter((x) => to(x).includes(en.email));
    expect(toEn).toHaveLength(1);
    expect(toEn[0].subject).toContain("Last day to file the administrative complaint");
    expect(toEn[0].text).toContain("in 3 working days");
    expect(inbox.filter((x) => to(x).includes(outsider.email))).toHaveLength(0);
    expect(inbox).toHaveLength(2);

    const jobs = await db.job.findMany({ where: { kind: EMAIL_KIND } });
    expect(jobs.map((j) => j.status)).toEqual(["done", "done"]);
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    // Nothing about the applicants: the fixture has none, and the email names only the case.
    expect(m.text).not.toMatch(/IIN|ИИН/);
  });

  it("two workers racing over many reminders send each one once (one client each, as two app instances)", async () => {
    const { now } = await setup("race-a");
    await setup("race-b");
    await setup("race-c");
    const added = await scanReminders(db, now);
    expect(added).toBe(6);
    const [a, b] = await Promise.all([workOnce({ db, now: () => now, workerId: "A" }), workOnce({ db: other, now: () => now, workerId: "B" })]);
    expect(a.done + b.done).toBe(6);
    expect(inbox).toHaveLength(6);
    const recipients = inbox.flatMap(to);
    expect(new Set(recipients).size).toBe(6);
    await Promise.all([workOnce({ db, now: () => now }), workOnce({ db: other, now: () => now })]);
    expect(inbox).toHaveLength(6);
  });

  it("the one-day reminder comes on its own day; a day with both due sends only the nearer", async () => {
    const { ru, due } = await setup("offsets");
    const threeBefore = await workingDaysBefore(due, 3);
    const oneBefore = await workingDaysBefore(due, 1);
    await scanReminders(db, threeBefore);
    await workOnce({ db, now: () => threeBefore });
    await scanReminders(db, oneBefore);
    await workOnce({ db, now: () => oneBefore });
    const toRu = inbox.filter((m) => to(m).includes(ru.email));
    expect(toRu).toHaveLength(2);
    expect(toRu[1].text).toContain("через 1 рабочий день");

    // A member who joins late (the three-day reminder's day has passed) gets only the one-day one.
    inbox = [];
    await db.job.deleteMany();
    await scanReminders(db, oneBefore);
    await workOnce({ db, now: () => oneBefore });
    expect(inbox.filter((m) => to(m).includes(ru.email))).toHaveLength(1);
    expect((await db.job.findMany({ where: { kind: EMAIL_KIND } })).every((j) => j.key.includes(":1:email:"))).toBe(true);
  });

  it("a deadline moved after its reminder was queued: the stale one is not sent, the new date gets its own", async () => {
    const { ru, kase, now } = await setup("moved");
    expect(await scanReminders(db, now)).toBe(2);
    // The answer's date was mistyped: corrected a week later, the complaint is due a week later.
    await db.answer.update({ where: { id: kase.answerId }, data: { receivedOn: "2026-03-09" } });
    const s = await workOnce({ db, now: () => now });
    expect(s).toMatchObject({ done: 0, dropped: 2 });
    expect(inbox).toHaveLength(0);
    const jobs = await db.job.findMany({ where: { kind: EMAIL_KIND } });
    expect(jobs.every((j) => j.status === "dropped" && j.lastError === "deadline moved")).toBe(true);

    const newDue = await complaintDue(kase.id);
    const later = await workingDaysBefore(newDue, 3);
    expect(await scanReminders(db, later)).toBe(2);
    await workOnce({ db, now: () => later });
    expect(inbox.filter((m) => to(m).includes(ru.email))).toHaveLength(1);
  });

  it("hearings are reminded too; a hearing moved or a member who left gets nothing", async () => {
    const group = await makeGroup(`hearings-${++seq}`);
    const member = await makeActor(`hear-${seq}`, [[group.id, "viewer"]], { locale: "ru" });
    const leaver = await makeActor(`leaver-${seq}`, [[group.id, "viewer"]]);
    const kase = await refusedCase(group.id, "Суд по пикету", "2026-03-02");
    const stage = await db.appealStage.create({ data: { applicationId: kase.id, kind: "first_instance", filedOn: "2026-03-20", hearings: { create: [{ heldOn: "2026-04-15", time: "10:30" }] } }, include: { hearings: true } });
    const now = await workingDaysBefore("2026-04-15", 1);
    expect(await scanReminders(db, now)).toBe(2);
    await db.membership.deleteMany({ where: { userId: leaver.userId } });
    await workOnce({ db, now: () => now });
    expect(inbox.map(to).flat()).toEqual([member.email]);
    expect(inbox[0].subject).toContain("судебное заседание (первая инстанция)");
    expect(inbox[0].text).toContain("10:30");

    inbox = [];
    await db.job.deleteMany();
    expect(await scanReminders(db, now)).toBe(1);
    await db.hearing.update({ where: { id: stage.hearings[0].id }, data: { heldOn: "2026-04-22" } });
    expect(await workOnce({ db, now: () => now })).toMatchObject({ dropped: 1, done: 0 });
    expect(inbox).toHaveLength(0);
  });

  it("a member who turned reminders off gets none, and one already queued is dropped", async () => {
    const { ru, en, now } = await setup("off");
    expect(await scanReminders(db, now)).toBe(2);
    await db.user.update({ where: { id: en.userId }, data: { reminderOffsets: "" } });
    await workOnce({ db, now: () => now });
    expect(inbox.flatMap(to)).toEqual([ru.email]);
    await db.job.deleteMany();
    expect(await scanReminders(db, now)).toBe(1);
  });

  it("an SMTP server that is down: the reminder is retried with backoff, its error kept without addresses, then delivered once", async () => {
    const { ru, now } = await setup("smtp-down");
    await db.user.updateMany({ where: { email: { not: ru.email } }, data: { reminderOffsets: "" } });
    expect(await scanReminders(db, now)).toBe(1);
    const url = process.env.SMTP_URL;
    // A port nothing listens on: take one from a server, then close it.
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      expect(await workOnce({ db, now: () => now })).toMatchObject({ retried: 1, done: 0 });
    } finally {
      process.env.SMTP_URL = url;
    }
    const job = await db.job.findFirstOrThrow({ where: { kind: EMAIL_KIND } });
    expect(job).toMatchObject({ status: "pending", attempts: 1, maxAttempts: 8 });
    expect(job.lastError).toBeTruthy();
    expect(job.lastError).not.toContain(ru.email);
    expect(await workOnce({ db, now: () => now })).toMatchObject({ done: 0 }); // not before its backoff
    const later = new Date(now.getTime() + 30_000);
    expect(await workOnce({ db, now: () => later })).toMatchObject({ done: 1 });
    expect(inbox.flatMap(to)).toEqual([ru.email]);
  });

  it("without SMTP configured nothing is queued and notify sends nothing", async () => {
    const { ru, now } = await setup("nosmtp");
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await scanReminders(db, now)).toBe(0);
      expect(await notify({ email: ru.email, name: ru.name, locale: "ru" }, () => ({ subject: "x", greeting: "x", paragraphs: [], footer: "x" }))).toEqual({ sent: false, reason: "mail_off" });
    } finally {
      process.env.SMTP_URL = url;
    }
    expect(inbox).toHaveLength(0);
  });
});

describe("the job queue", () => {
  const ran: string[] = [];
  let failFirst = 0;
  beforeAll(() => {
    registerHandler("test.record", async (job) => {
      await new Promise((r) => setTimeout(r, 2));
      ran.push(job.key);
    });
    registerHandler("test.flaky", async (job) => {
      ran.push(job.key);
      if (failFirst-- > 0) throw new Error("SMTP said no to someone@example.org");
    });
  });
  beforeEach(() => {
    ran.length = 0;
  });

  const T0 = new Date("2026-05-04T06:00:00Z");

  it("enqueue is idempotent per key and joins the caller's transaction", async () => {
    expect(await enqueue(db, { kind: "test.record", key: "k1", runAt: T0 })).toBe(true);
    expect(await enqueue(db, { kind: "test.record", key: "k1", runAt: T0 })).toBe(false);
    // A write that fails takes its job with it; one that commits, keeps it.
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, { kind: "test.record", key: "k2", runAt: T0 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await db.$transaction(async (tx) => {
      expect(await enqueue(tx, { kind: "test.record", key: "k1", runAt: T0 })).toBe(false); // no abort on PostgreSQL
      await enqueue(tx, { kind: "test.record", key: "k3", runAt: T0 });
    });
    expect((await db.job.findMany({ orderBy: { key: "asc" } })).map((j) => j.key)).toEqual(["k1", "k3"]);
    // Not before its time.
    await enqueue(db, { kind: "test.record", key: "later", runAt: new Date(T0.getTime() + 60_000) });
    await workOnce({ db, now: () => T0 });
    expect(ran.sort()).toEqual(["k1", "k3"]);
  });

  it("two workers racing over fifty jobs run each exactly once", async () => {
    for (let i = 0; i < 50; i++) await enqueue(db, { kind: "test.record", key: `race-${i}`, runAt: T0 });
    const results = await Promise.all([
      workOnce({ db, now: () => T0, workerId: "one" }),
      workOnce({ db: other, now: () => T0, workerId: "two" }),
      workOnce({ db, now: () => T0, workerId: "three" }),
    ]);
    expect(results.reduce((s, r) => s + r.done, 0)).toBe(50);
    expect(ran).toHaveLength(50);
    expect(new Set(ran).size).toBe(50);
    const jobs = await db.job.findMany();
    expect(jobs.every((j) => j.status === "done" && j.attempts === 1)).toBe(true);
    await Promise.all([workOnce({ db, now: () => T0 }), workOnce({ db: other, now: () => T0 })]);
    expect(ran).toHaveLength(50);
  });

  it("a crash between claim and completion: the job is taken again once its lease ends, then never again", async () => {
    await enqueue(db, { kind: "test.record", key: "crash", runAt: T0 });
    // Worker "dead" claims it and dies (never completes).
    const claimed = await claimNext(db, "dead", T0, 60_000);
    expect(claimed?.key).toBe("crash");
    // While its lease holds, nobody else takes it.
    expect(await workOnce({ db: other, now: () => new Date(T0.getTime() + 30_000) })).toMatchObject({ done: 0 });
    expect(ran).toEqual([]);
    // After it ends, another worker does.
    const after = new Date(T0.getTime() + 61_000);
    expect(await workOnce({ db: other, now: () => after, workerId: "alive" })).toMatchObject({ done: 1 });
    expect(ran).toEqual(["crash"]);
    const job = await db.job.findUniqueOrThrow({ where: { key: "crash" } });
    expect(job).toMatchObject({ status: "done", attempts: 2, lockedBy: "alive" });
    // The dead worker coming back cannot mark it again, and a completed job never runs again.
    expect((await db.job.updateMany({ where: { id: job.id, lockedBy: "dead", status: "pending" }, data: { status: "failed" } })).count).toBe(0);
    await workOnce({ db, now: () => new Date(after.getTime() + 3_600_000) });
    expect(ran).toEqual(["crash"]);
  });

  it("a failing job is retried with backoff, its last error kept without addresses; it fails for good after its attempts", async () => {
    failFirst = 1;
    await enqueue(db, { kind: "test.flaky", key: "flaky", runAt: T0 });
    expect(await workOnce({ db, now: () => T0 })).toMatchObject({ retried: 1 });
    let job = await db.job.findUniqueOrThrow({ where: { key: "flaky" } });
    expect(job.status).toBe("pending");
    expect(job.lastError).toContain("SMTP said no");
    expect(job.lastError).not.toContain("someone@example.org");
    expect(job.runAt.getTime()).toBe(T0.getTime() + 30_000);
    expect(await workOnce({ db, now: () => new Date(T0.getTime() + 10_000) })).toMatchObject({ retried: 0, done: 0 });
    expect(await workOnce({ db, now: () => new Date(T0.getTime() + 30_000) })).toMatchObject({ done: 1 });
    job = await db.job.findUniqueOrThrow({ where: { key: "flaky" } });
    expect(job).toMatchObject({ status: "done", attempts: 2, lastError: null });

    failFirst = 99;
    await enqueue(db, { kind: "test.flaky", key: "hopeless", runAt: T0, maxAttempts: 2 });
    await workOnce({ db, now: () => T0 });
    await workOnce({ db, now: () => new Date(T0.getTime() + 3_600_000) });
    job = await db.job.findUniqueOrThrow({ where: { key: "hopeless" } });
    expect(job).toMatchObject({ status: "failed", attempts: 2 });
    await workOnce({ db, now: () => new Date(T0.getTime() + 7_200_000) });
    expect(ran.filter((k) => k === "hopeless")).toHaveLength(2);
    failFirst = 0;
  });

  it("finished jobs are pruned after a while; failed and pending ones stay", async () => {
    for (const k of ["old-done", "pending"]) await enqueue(db, { kind: "test.record", key: k, runAt: k === "pending" ? new Date(T0.getTime() + 1e9) : T0 });
    await workOnce({ db, now: () => T0 });
    await db.job.create({ data: { kind: "test.record", key: "old-failed", status: "failed", finishedAt: T0 } });
    expect(await pruneFinished(db, new Date(T0.getTime() + 1000))).toBe(1);
    expect((await db.job.findMany({ orderBy: { key: "asc" } })).map((j) => j.key)).toEqual(["old-failed", "pending"]);
  });

  it("a recurring scan is enqueued once per interval however many workers schedule it", async () => {
    registerRecurring("test.record", 60_000);
    await Promise.all([scheduleRecurring(db, T0), scheduleRecurring(other, T0)]);
    await scheduleRecurring(db, new Date(T0.getTime() + 59_000));
    await scheduleRecurring(db, new Date(T0.getTime() + 60_000));
    const keys = (await db.job.findMany({ where: { key: { startsWith: "test.record@" } } })).map((j) => j.key).sort();
    expect(keys).toEqual([`test.record@${T0.toISOString()}`, `test.record@${new Date(T0.getTime() + 60_000).toISOString()}`]);
  });
});

describe("Settings → Reminders", () => {
  it("saves offsets normalised; bad input gets a message beside the field and changes nothing", async () => {
    const group = await makeGroup(`prefs-${++seq}`);
    const me = await makeActor(`prefs-${seq}`, [[group.id, "viewer"]]);
    const stored = async () => (await db.user.findUniqueOrThrow({ where: { id: me.userId } })).reminderOffsets;
    expect(await stored()).toBe("3,1");

    for (const [input, error] of [
      ["3,abc", "reminder_offsets_invalid"],
      ["999", "reminder_offsets_range"],
      ["-1", "reminder_offsets_invalid"],
      ["1,2,3,4,5,6", "reminder_offsets_too_many"],
    ] as const) {
      const { state } = await run(me, updateReminderPreferencesAction, { offsets: input });
      expect(state?.ok, input).toBe(false);
      expect(state?.errors?.offsets, input).toEqual([error]);
      expect(state?.data?.values).toMatchObject({ offsets: input });
      expect(await stored()).toBe("3,1");
    }
    expect((await run(me, updateReminderPreferencesAction, { offsets: " 1, 5 ,5" })).state).toMatchObject({ ok: true, message: "reminders_saved" });
    expect(await stored()).toBe("5,1");
    expect((await run(me, updateReminderPreferencesAction, { offsets: "" })).state?.ok).toBe(true);
    expect(await stored()).toBe("");
    // Signed out: refused, nothing written.
    expect((await run(null, updateReminderPreferencesAction, { offsets: "2" })).state).toMatchObject({ ok: false, message: "unauthenticated" });
    expect(await stored()).toBe("");
  });

  it("the form shows the stored days, labelled in each language", () => {
    const ru = renderChecked(h(ReminderForm, { offsets: "5,1" }), "ru");
    expect(ru).toContain("За сколько рабочих дней");
    expect(ru).toContain('name="offsets"');
    expect(ru).toContain('value="5,1"');
    expect(renderChecked(h(ReminderForm, { offsets: "" }), "en")).toContain("Working days before");
  });
});
