// Issue #13, "never miss a deadline": who does what next (assigned, reminded by email through a
// real SMTP server, shown on the assignee's dashboard, members only), a deadline set by hand
// with its reason (history, reminders follow it, cleared back to the computed date), the clocks
// after cassation, what changed since a member last looked, and the group's time zone.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { createElement as h } from "react";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { recomputeCase } from "@/lib/data/case-state";
import { loadClock } from "@/lib/data/rules";
import { getCase } from "@/lib/data/cases";
import { getDashboard } from "@/lib/data/dashboard";
import { caseNextSteps } from "@/lib/data/next-steps";
import { recordCaseVisit, casesChangedSinceVisit } from "@/lib/data/case-visits";
import { caseClockInput, nextDeadline } from "@/lib/domain/deadlines";
import { addMonths, todayIn } from "@/lib/domain/dates";
import { nextWorkingDayOnOrAfter, shiftWorkingDays } from "@/lib/domain/working-days";
import { workOnce } from "@/lib/jobs";
import { registerReminderJobs, scanReminders, EMAIL_KIND } from "@/lib/data/reminders";
import { closeMailTransport } from "@/lib/mail";
import { assignNextStepAction, clearDeadlineOverrideAction, completeNextStepAction, reassignNextStepAction, setDeadlineOverrideAction, setGroupTimeZoneAction } from "@/lib/actions/next-steps";
import { updateEventAction } from "@/lib/actions/events";
import { DeadlineBox } from "@/components/cases/DeadlineBox";
import { NextStepsPanel } from "@/components/steps/NextStepsPanel";
import { ChangedSinceCard, MyStepsCard } from "@/components/dashboard/MyStepsCard";
import { DeadlinesCard } from "@/components/dashboard/DashboardView";
import { TimeZoneForm } from "@/components/steps/StepForms";
import { loadMemberCaseFile, MEMBER_SCOPE } from "@/lib/data/case-file";
import { makeActor, makeGroup, renderChecked, run } from "../support/fixtures";

const APP_URL = "https://tracker.example.org";
let smtp: TestSmtp;
let inbox: ParsedMail[] = [];

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
  await smtp.close();
});

beforeEach(async () => {
  inbox = [];
  await db.job.deleteMany();
});

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));

let seq = 0;
/** A refused notification answered on `answeredOn`: its next clock is the administrative complaint. */
async function refusedCase(groupId: string, title: string, answeredOn = "2026-03-02", extra: { isPublic?: boolean } = {}) {
  const app = await db.application.create({
    data: { groupId, title, procedure: "notification", filedOn: "2026-02-02", parts: { create: [{ form: "rally" }] }, ...extra },
    include: { parts: true },
  });
  const answer = await db.answer.create({ data: { applicationId: app.id, receivedOn: answeredOn, partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  await db.$transaction((tx) => recomputeCase(tx, app.id, "2026-03-03"));
  return { id: app.id, answerId: answer.id };
}

async function computedDeadline(caseId: string) {
  const c = await db.application.findUniqueOrThrow({
    where: { id: caseId },
    include: { answers: { include: { partOutcomes: true } }, appealStages: { include: { ruling: true } } },
  });
  const clock = await loadClock(db);
  return nextDeadline(caseClockInput(c, c.answers[c.answers.length - 1], false), clock.rules, clock.calendar)!;
}

/** 09:00 in Almaty (04:00 UTC) on the day `n` working days before `dueOn`. */
async function workingDaysBefore(dueOn: string, n: number): Promise<Date> {
  const clock = await loadClock(db);
  return new Date(`${shiftWorkingDays(dueOn, -n, clock.calendar).date}T04:00:00Z`);
}

async function cast(label: string) {
  const group = await makeGroup(`g-${label}-${++seq}`, `Group ${label}`);
  const editor = await makeActor(`editor-${label}-${seq}`, [[group.id, "editor"]], { locale: "en" });
  const viewer = await makeActor(`viewer-${label}-${seq}`, [[group.id, "viewer"]], { locale: "ru" });
  const otherGroup = await makeGroup(`o-${label}-${seq}`);
  const outsider = await makeActor(`outsider-${label}-${seq}`, [[otherGroup.id, "editor"]]);
  return { group, editor, viewer, outsider };
}

describe("who does what next", () => {
  it("an editor assigns the complaint to a member; due on the legal deadline by default; she is reminded by email, in Russian, exactly once; the others are not told of her step", async () => {
    const { group, editor, viewer, outsider } = await cast("assign");
    const kase = await refusedCase(group.id, "Митинг 8 марта (шаг)");
    const due = (await computedDeadline(kase.id)).dueOn;

    // A viewer cannot assign; an outsider cannot be the assignee; "other" needs words.
    expect((await run(viewer, assignNextStepAction, { applicationId: kase.id, kind: "complaint", assigneeId: viewer.userId })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "complaint", assigneeId: outsider.userId })).state).toMatchObject({ ok: false, errors: { assigneeId: ["assignee_not_member"] } });
    expect((await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "other", description: "", assigneeId: viewer.userId })).state).toMatchObject({ ok: false, errors: { description: ["required"] } });
    expect((await run(outsider, assignNextStepAction, { applicationId: kase.id, kind: "complaint", assigneeId: outsider.userId })).state).toMatchObject({ ok: false, message: "not_found" });
    expect(await db.nextStep.count({ where: { applicationId: kase.id } })).toBe(0);

    const ok = await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "complaint", description: "", assigneeId: viewer.userId, dueOn: "" });
    expect(ok.state).toMatchObject({ ok: true, message: "assigned" });
    const step = await db.nextStep.findFirstOrThrow({ where: { applicationId: kase.id } });
    expect(step).toMatchObject({ assigneeId: viewer.userId, kind: "complaint", dueOn: due, doneAt: null });
    const logged = await db.changeLog.findFirstOrThrow({ where: { entity: "NextStep", entityId: step.id } });
    expect(logged).toMatchObject({ action: "create", caseId: kase.id, userName: editor.name });
    expect(JSON.parse(logged.after)).toMatchObject({ kind: "complaint", assignee: viewer.name, dueOn: due });

    // Three working days before, the scan queues the assignee's step reminder (and the deadline's for both members).
    const now = await workingDaysBefore(due, 3);
    await scanReminders(db, now);
    const keys = (await db.job.findMany({ where: { kind: EMAIL_KIND } })).map((j) => j.key).sort();
    expect(keys).toEqual(
      [`reminder:${kase.id}:deadline:admin_complaint:${due}:3:email:${editor.userId}`, `reminder:${kase.id}:deadline:admin_complaint:${due}:3:email:${viewer.userId}`, `reminder:${kase.id}:step:${step.id}:${due}:3:email:${viewer.userId}`].sort(),
    );
    expect(await scanReminders(db, now)).toBe(0);
    await workOnce({ db, now: () => now });
    await workOnce({ db, now: () => now });

    const stepMails = inbox.filter((m) => m.subject?.includes("Ваш следующий шаг"));
    expect(stepMails).toHaveLength(1);
    expect(to(stepMails[0])).toEqual([viewer.email]);
    expect(stepMails[0].subject).toContain("Ваш следующий шаг: подать жалобу");
    expect(stepMails[0].text).toContain(`${APP_URL}/applications/${kase.id}`);
    expect(stepMails[0].text).toContain("через 3 рабочих дня");
    expect(inbox.filter((m) => to(m).includes(editor.email))).toHaveLength(1); // the deadline only
    expect(inbox.filter((m) => to(m).includes(outsider.email))).toHaveLength(0);
  });

  it("reassigned, then done: history logged, the old assignee's queued reminder is dropped, the dashboard lists it for the assignee only, sorted with overdue marked", async () => {
    const { group, editor, viewer, outsider } = await cast("done");
    const kase = await refusedCase(group.id, "Rally (done)");
    const other = await refusedCase(group.id, "Rally (overdue)");
    await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "hearing", assigneeId: editor.userId, dueOn: "2099-05-04" });
    await run(editor, assignNextStepAction, { applicationId: other.id, kind: "other", description: "Call the lawyer", assigneeId: viewer.userId, dueOn: "2020-01-10" });
    const step = await db.nextStep.findFirstOrThrow({ where: { applicationId: kase.id } });

    // A reminder queued for the editor, then the step moves to the viewer: the old one is not sent.
    const now = await workingDaysBefore("2099-05-04", 3);
    await scanReminders(db, now);
    expect((await db.job.findMany({ where: { key: { contains: `step:${step.id}` } } })).map((j) => j.key.endsWith(editor.userId))).toEqual([true]);
    expect((await run(viewer, reassignNextStepAction, { id: step.id, assigneeId: viewer.userId })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editor, reassignNextStepAction, { id: step.id, assigneeId: viewer.userId })).state).toMatchObject({ ok: true });
    await workOnce({ db, now: () => now });
    const job = await db.job.findFirstOrThrow({ where: { key: { contains: `step:${step.id}` } } });
    expect(job).toMatchObject({ status: "dropped", lastError: "step done or moved" });
    expect(inbox.filter((m) => m.subject?.includes("Your next step"))).toHaveLength(0);

    const dash = await getDashboard(viewer, "2026-03-10");
    expect(dash.nextSteps.map((s) => [s.application.title, s.overdue])).toEqual([
      ["Rally (overdue)", true],
      ["Rally (done)", false],
    ]);
    expect((await getDashboard(editor, "2026-03-10")).nextSteps).toEqual([]);
    const mine = renderChecked(h(MyStepsCard, { data: dash }), "ru");
    expect(mine).toContain("Мои следующие шаги");
    expect(mine).toContain("просрочено");
    expect(mine).toContain("Call the lawyer");

    // The assignee (a viewer) marks it done; an outsider cannot even see it.
    expect((await run(outsider, completeNextStepAction, { id: step.id })).state).toMatchObject({ ok: false, message: "not_found" });
    expect((await run(viewer, completeNextStepAction, { id: step.id })).state).toMatchObject({ ok: true, message: "done" });
    expect((await db.nextStep.findUniqueOrThrow({ where: { id: step.id } })).doneById).toBe(viewer.userId);
    expect((await getDashboard(viewer, "2026-03-10")).nextSteps.map((s) => s.application.title)).toEqual(["Rally (overdue)"]);
    const history = await db.changeLog.findMany({ where: { entity: "NextStep", entityId: step.id }, orderBy: { at: "asc" } });
    expect(history.map((x) => x.action)).toEqual(["create", "update", "update"]);
    expect(JSON.parse(history[1].after)).toMatchObject({ assignee: viewer.name });
    expect(JSON.parse(history[2].after)).toMatchObject({ done: true });

    // The panel as a member sees it; nothing of it for anyone outside the group.
    const panel = await caseNextSteps(editor, other.id);
    const html = renderChecked(h(NextStepsPanel, { applicationId: other.id, data: panel!, deadlineOn: null }), "en");
    expect(html).toContain("Call the lawyer");
    expect(html).toContain("overdue");
    expect(await caseNextSteps(outsider, other.id)).toBeNull();
    expect(await caseNextSteps(null, other.id)).toBeNull();
  });

  it("a published case shows nothing of its next steps to a reader outside the group", async () => {
    const { group, editor, viewer, outsider } = await cast("public");
    const kase = await refusedCase(group.id, "Published rally", "2026-03-02", { isPublic: true });
    await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "other", description: "Secret plan", assigneeId: viewer.userId, dueOn: "2099-01-01" });
    for (const reader of [null, outsider]) {
      const seen = await getCase(reader, kase.id);
      expect(JSON.stringify(seen)).not.toContain("Secret plan");
      expect(await caseNextSteps(reader, kase.id)).toBeNull();
    }
    // A member's share link reads the case with internal things withheld: no steps there either.
    expect(JSON.stringify(await getCase(editor, kase.id, { withholdInternal: true }))).not.toContain("Secret plan");
  });
});

describe("a deadline set by hand", () => {
  it("needs a reason; shows the computed date beside it; is in the history; reminders follow it; cleared, the computed date is back", async () => {
    const { group, editor, viewer, outsider } = await cast("override");
    const kase = await refusedCase(group.id, "Late letter", "2026-03-02", { isPublic: true });
    const computed = (await computedDeadline(kase.id)).dueOn;
    const byHand = "2026-06-19";

    expect((await run(editor, setDeadlineOverrideAction, { applicationId: kase.id, overrideOn: byHand, reason: "" })).state).toMatchObject({ ok: false, errors: { reason: ["required"] } });
    expect((await run(viewer, setDeadlineOverrideAction, { applicationId: kase.id, overrideOn: byHand, reason: "x" })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editor, setDeadlineOverrideAction, { applicationId: kase.id, overrideOn: "2026-02-30", reason: "x" })).state).toMatchObject({ ok: false, errors: { overrideOn: ["invalid_date"] } });
    expect((await db.application.findUniqueOrThrow({ where: { id: kase.id } })).deadlineOverrideOn).toBeNull();

    const reason = "The akimat's letter was handed over on 19 March";
    expect((await run(editor, setDeadlineOverrideAction, { applicationId: kase.id, overrideOn: byHand, reason })).state).toMatchObject({ ok: true, message: "override_set" });
    const member = await getCase(viewer, kase.id);
    expect(member.deadline).toMatchObject({ dueOn: byHand, computedOn: computed, nextStep: "complaint", override: { on: byHand, reason, byName: editor.name } });
    const box = renderChecked(h(DeadlineBox, { deadline: member.deadline, status: member.status, today: "2026-03-10" }), "en");
    expect(box).toContain(`data-deadline="${byHand}"`);
    expect(box).toMatch(/computed: Jun 2, 2026; set by hand by editor-override-\d+: Jun 19, 2026, because The akimat&#x27;s letter was handed over on 19 March/);

    // The case file says the same.
    expect(JSON.stringify(await loadMemberCaseFile(viewer, kase.id, MEMBER_SCOPE, "en"))).toContain("June 19, 2026: Administrative complaint (set by hand; computed: June 2, 2026)");

    // Outside the group: the date holds, but not who set it or why.
    const outside = await getCase(outsider, kase.id);
    expect(outside.deadline?.dueOn).toBe(byHand);
    expect(JSON.stringify(outside)).not.toContain(reason);
    expect(JSON.stringify(outside)).not.toContain(editor.name);
    expect(renderChecked(h(DeadlineBox, { deadline: outside.deadline, status: outside.status, today: "2026-03-10" }), "en")).toContain("set by hand");

    const entry = await db.changeLog.findFirstOrThrow({ where: { caseId: kase.id, entity: "Application" }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.after)).toMatchObject({ deadlineOverrideOn: byHand, deadlineOverrideReason: reason, deadlineComputedOn: computed });
    expect(JSON.parse(entry.before)).toMatchObject({ deadlineOverrideOn: null });

    // Reminders follow the date set by hand: none for the computed date, one for the new date.
    const jobsOfCase = () => db.job.findMany({ where: { kind: EMAIL_KIND, key: { contains: kase.id } } });
    await scanReminders(db, await workingDaysBefore(computed, 3));
    expect(await jobsOfCase()).toEqual([]);
    const now = await workingDaysBefore(byHand, 3);
    await scanReminders(db, now);
    expect((await jobsOfCase()).map((j) => j.key.replace(/:[^:]+$/, "")).sort()).toEqual([`reminder:${kase.id}:deadline:admin_complaint:${byHand}:3:email`, `reminder:${kase.id}:deadline:admin_complaint:${byHand}:3:email`]);
    await workOnce({ db, now: () => now });
    expect(inbox.filter((m) => to(m).includes(viewer.email) && m.subject?.includes("Late letter"))).toHaveLength(1);

    // A next step assigned now defaults to the date set by hand.
    await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "complaint", assigneeId: viewer.userId });
    expect((await db.nextStep.findFirstOrThrow({ where: { applicationId: kase.id } })).dueOn).toBe(byHand);

    expect((await run(editor, clearDeadlineOverrideAction, { applicationId: kase.id })).state).toMatchObject({ ok: true, message: "override_cleared" });
    expect((await getCase(viewer, kase.id)).deadline).toMatchObject({ dueOn: computed, override: null });
    const cleared = await db.changeLog.findFirstOrThrow({ where: { caseId: kase.id, entity: "Application" }, orderBy: { at: "desc" } });
    expect(JSON.parse(cleared.after)).toMatchObject({ deadlineOverrideOn: null });
  });

  it("over the answer's clock: the dashboard shows the date set by hand, marked", async () => {
    const { group, editor } = await cast("answer-override");
    const app = await db.application.create({ data: { groupId: group.id, title: "Waiting for the akimat", procedure: "notification", filedOn: "2026-03-02", parts: { create: [{ form: "picket" }] } } });
    await db.$transaction((tx) => recomputeCase(tx, app.id, "2026-03-03"));
    expect((await run(editor, setDeadlineOverrideAction, { applicationId: app.id, overrideOn: "2026-03-20", reason: "Registered late by the akimat's office" })).state).toMatchObject({ ok: true });
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).answerDueOn).toBe("2026-03-20");
    const dash = await getDashboard(editor, "2026-03-10");
    expect(dash.deadlines.find((d) => d.applicationId === app.id)).toMatchObject({ dueOn: "2026-03-20", byHand: true, overdue: false });
    expect(renderChecked(h(DeadlinesCard, { data: dash }), "ru")).toContain("вручную");
  });
});

describe("clocks after cassation", () => {
  it("a case whose cassation was dismissed runs the Constitutional Court petition's clock, and the UN Human Rights Committee's beside it", async () => {
    const { group, viewer } = await cast("cassation");
    const kase = await refusedCase(group.id, "All the way up");
    const stages = [
      ["complaint", "2026-03-10", "2026-04-01"],
      ["first_instance", "2026-04-20", "2026-05-20"],
      ["appeal", "2026-06-01", "2026-07-01"],
      ["cassation", "2026-08-03", "2026-11-16"],
    ] as const;
    for (const [kind, filedOn, decidedOn] of stages) {
      await db.appealStage.create({ data: { applicationId: kase.id, kind, filedOn, ruling: { create: { decidedOn, outcome: "dismissed" } } } });
    }
    await db.$transaction((tx) => recomputeCase(tx, kase.id, "2026-11-20"));
    const clock = await loadClock(db);
    const data = await getCase(viewer, kase.id);
    expect(data.deadline).toMatchObject({ nextStep: "constitutional", ruleCode: "constitutional_petition", anchor: "2026-11-16", dueOn: nextWorkingDayOnOrAfter(addMonths("2026-11-16", 12), clock.calendar) });
    expect(data.deadline?.legalBasis).toContain("On the Constitutional Court");
    expect(data.alsoRunning).toEqual([expect.objectContaining({ nextStep: "un_hrc", ruleCode: "un_hrc_communication", dueOn: nextWorkingDayOnOrAfter(addMonths("2026-11-16", 60), clock.calendar) })]);
    expect(data.alsoRunning[0].legalBasis).toContain("rule 99(c)");
    const html = renderChecked(h(DeadlineBox, { deadline: data.deadline, status: data.status, today: "2026-11-20", alsoRunning: data.alsoRunning }), "ru");
    expect(html).toContain("Обращение в Конституционный Суд");
    expect(html).toContain("Также идёт срок: Сообщение в Комитет ООН по правам человека");

    // The rules are data: an operator's change of the period moves the clock.
    await db.deadlineRule.update({ where: { code: "constitutional_petition" }, data: { amount: 6 } });
    const later = await getCase(viewer, kase.id);
    expect(later.deadline?.dueOn).toBe(nextWorkingDayOnOrAfter(addMonths("2026-11-16", 6), clock.calendar));
    await db.deadlineRule.update({ where: { code: "constitutional_petition" }, data: { amount: 12 } });

    // After the Constitutional Court's own ruling, the Committee's clock is the next one.
    await db.appealStage.create({ data: { applicationId: kase.id, kind: "constitutional", filedOn: "2027-01-11", ruling: { create: { decidedOn: "2027-04-01", outcome: "dismissed" } } } });
    expect((await getCase(viewer, kase.id)).deadline).toMatchObject({ nextStep: "un_hrc", anchor: "2027-04-01" });
  });
});

describe("what changed since I last looked", () => {
  it("a case someone else changed is marked on the member's dashboard until they open it; their own changes do not count", async () => {
    const { group, editor, viewer } = await cast("changed");
    const kase = await refusedCase(group.id, "Changed case");
    const quiet = await refusedCase(group.id, "Quiet case");
    const event = await db.event.create({ data: { applicationId: kase.id, kind: "other", occurredOn: "2026-03-05", description: "First" } });

    // Both have seen both cases.
    for (const who of [editor, viewer]) for (const c of [kase, quiet]) await recordCaseVisit(who, c.id, group.id, new Date(Date.now() - 60_000));
    expect((await casesChangedSinceVisit(viewer)).size).toBe(0);

    // The editor changes one case.
    const saved = await run(editor, updateEventAction, { id: event.id, kind: "other", occurredOn: "2026-03-05", occurredOnPrecision: "day", description: "Second" });
    expect(saved.redirect).toContain(kase.id);
    const dash = await getDashboard(viewer, "2026-03-10");
    expect(dash.changedCases.map((c) => c.title)).toEqual(["Changed case"]);
    const card = renderChecked(h(ChangedSinceCard, { data: dash }), "kk");
    expect(card).toContain("Соңғы кіргеннен бері өзгергендер");
    expect(card).toContain(`data-changed-case="${kase.id}"`);
    expect(dash.changes.find((c) => c.caseId === kase.id)?.changedSinceVisit).toBe(true);
    expect((await getDashboard(editor, "2026-03-10")).changedCases).toEqual([]);

    // The viewer opens the case: the mark is gone.
    await recordCaseVisit(viewer, kase.id, group.id);
    expect((await getDashboard(viewer, "2026-03-10")).changedCases).toEqual([]);
    // A reader outside the group leaves no visit behind.
    const { outsider } = await cast("changed-out");
    await recordCaseVisit(outsider, kase.id, group.id);
    expect(await db.caseVisit.count({ where: { userId: outsider.userId } })).toBe(0);
  });
});

describe("the group's time zone", () => {
  it("counts 'today' where the group is: near midnight, Almaty's reminder goes out a day before UTC's; the setting is validated", async () => {
    const { group, editor, viewer } = await cast("zone");
    const admin = await makeActor(`admin-zone-${seq}`, [[group.id, "admin"]]);
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).timeZone).toBe("Asia/Almaty");
    await db.user.updateMany({ where: { id: { in: [editor.userId, admin.userId] } }, data: { reminderOffsets: "" } });

    const kase = await refusedCase(group.id, "Near midnight");
    const due = (await computedDeadline(kase.id)).dueOn;
    const clock = await loadClock(db);
    const sendOn = shiftWorkingDays(due, -3, clock.calendar).date;
    // 20:30 UTC the day before: already 01:30 (UTC+5) on the reminder's day in Almaty.
    const [y, m, d] = sendOn.split("-").map(Number);
    const nearMidnight = new Date(Date.UTC(y, m - 1, d - 1, 20, 30));
    expect(todayIn("Asia/Almaty", nearMidnight)).toBe(sendOn);
    expect(todayIn("UTC", nearMidnight)).not.toBe(sendOn);

    // Only an admin sets it, and only to a real zone.
    expect((await run(viewer, setGroupTimeZoneAction, { groupId: group.id, timeZone: "UTC" })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(admin, setGroupTimeZoneAction, { groupId: group.id, timeZone: "Mars/Olympus" })).state).toMatchObject({ ok: false, errors: { timeZone: ["time_zone_invalid"] } });
    expect((await run(admin, setGroupTimeZoneAction, { groupId: group.id, timeZone: "UTC" })).state).toMatchObject({ ok: true });
    await scanReminders(db, nearMidnight);
    const queued = () => db.job.count({ where: { kind: EMAIL_KIND, key: { contains: kase.id } } });
    expect(await queued()).toBe(0); // still the day before in UTC

    expect((await run(admin, setGroupTimeZoneAction, { groupId: group.id, timeZone: "Asia/Almaty" })).state).toMatchObject({ ok: true });
    expect(renderChecked(h(TimeZoneForm, { groupId: group.id, groupName: group.name, timeZone: "Asia/Almaty" }), "kk")).toContain('value="Asia/Almaty"');
    await scanReminders(db, nearMidnight);
    expect(await queued()).toBe(1);
    const history = await db.changeLog.findMany({ where: { entity: "Group", entityId: group.id }, orderBy: { at: "asc" } });
    expect(history.map((x) => JSON.parse(x.after).timeZone)).toEqual(["UTC", "Asia/Almaty"]);
  });
});
