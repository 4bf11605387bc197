// Invitations sent by email and the weekly digest, through a real SMTP server started here:
// what arrived, to whom, in which language, with which link, exactly once; without SMTP the
// invitation link is only shown to copy; a failing SMTP server is shown to the group admin.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import net, { type AddressInfo } from "node:net";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db-client";
import { workOnce } from "@/lib/jobs";
import { closeMailTransport } from "@/lib/mail";
import { inviteMemberAction, revokeInvitationAction } from "@/lib/actions/invitations";
import { updateChannelsAction } from "@/lib/actions/notify";
import { DIGEST_KIND, INVITATION_KIND, digestKey, isoWeek, registerNotificationJobs, scanDigests } from "@/lib/data/notification-jobs";
import { listDeliveryProblems } from "@/lib/data/delivery";
import { makeActor, makeGroup, renderChecked, run } from "../support/fixtures";
import { createElement as h } from "react";
import { ChannelsForm } from "@/components/notify/ChannelsForm";
import { TelegramLink } from "@/components/notify/TelegramLink";
import { CreateFeedForm } from "@/components/notify/CreateFeedForm";

const APP_URL = "https://tracker.example.org";
let smtp: TestSmtp;
let smtpUrl = "";
let inbox: ParsedMail[] = [];
const other = createPrismaClient(process.env.DATABASE_URL);

beforeAll(async () => {
  smtp = await startTestSmtp((m) => inbox.push(m));
  smtpUrl = smtp.url;
  process.env.MAIL_FROM = "Tracker <tracker@example.org>";
  process.env.APP_URL = APP_URL;
  delete process.env.TELEGRAM_BOT_TOKEN;
  registerNotificationJobs();
});

afterAll(async () => {
  closeMailTransport();
  await other.$disconnect();
  await smtp.close();
});

beforeEach(async () => {
  process.env.SMTP_URL = smtpUrl;
  closeMailTransport();
  inbox = [];
  await db.job.deleteMany();
});

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
let seq = 0;

describe("invitations by email", () => {
  it("with SMTP, creating an invitation emails the invitee the link, in the inviter's language, once", async () => {
    const group = await makeGroup(`inv-mail-${++seq}`, "Алматинские организаторы");
    const admin = await makeActor(`inv-admin-${seq}`, [[group.id, "admin"]], { locale: "ru" });
    const r = await run(admin, inviteMemberAction, { groupId: group.id, email: "New.Member@Example.test", role: "editor" });
    expect(r.state?.ok).toBe(true);
    expect(r.state?.data?.emailed).toBe(true);
    const path = String(r.state?.data?.path);
    const token = path.split("/").pop()!;

    const job = await db.job.findFirstOrThrow({ where: { kind: INVITATION_KIND } });
    expect(job.groupId).toBe(group.id);
    // The token is sealed in the job, not stored in clear.
    expect(job.payload).not.toContain(token);

    await Promise.all([workOnce({ db }), workOnce({ db: other })]);
    await workOnce({ db });
    expect(inbox).toHaveLength(1);
    const m = inbox[0];
    expect(to(m)).toEqual(["new.member@example.test"]);
    expect(m.subject).toBe("Приглашение в группу Алматинские организаторы в трекере согласований собраний");
    expect(m.text).toContain(`${admin.name} приглашает вас`);
    expect(m.text).toContain("«редактор»");
    expect(m.text).toContain(`${APP_URL}/invite/${token}`);
    expect(m.html).toContain(`href="${APP_URL}/invite/${token}"`);
    expect(m.headers.get("content-language")).toBe("ru");
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("done");
  });

  it("an inviter who chose no language writes in DEFAULT_LOCALE; an invitation revoked before the email goes is not sent", async () => {
    const group = await makeGroup(`inv-default-${++seq}`, "Default group");
    const admin = await makeActor(`inv-nolocale-${seq}`, [[group.id, "admin"]]);
    await run(admin, inviteMemberAction, { groupId: group.id, email: "first@example.test", role: "viewer" });
    const second = await run(admin, inviteMemberAction, { groupId: group.id, email: "second@example.test", role: "viewer" });
    const inv = await db.invitation.findFirstOrThrow({ where: { email: "second@example.test" } });
    await run(admin, revokeInvitationAction, { groupId: group.id, invitationId: inv.id });
    expect(second.state?.ok).toBe(true);
    const s = await workOnce({ db });
    expect(s).toMatchObject({ done: 1, dropped: 1 });
    expect(inbox).toHaveLength(1);
    expect(to(inbox[0])).toEqual(["first@example.test"]);
    expect(inbox[0].subject).toBe("Invitation to join Default group in the assembly permit tracker");
    expect(inbox[0].text).toContain("as a viewer");
  });

  it("without SMTP the link is only shown to copy: no job, no email", async () => {
    delete process.env.SMTP_URL;
    const group = await makeGroup(`inv-nosmtp-${++seq}`, "No mail group");
    const admin = await makeActor(`inv-nosmtp-${seq}`, [[group.id, "admin"]]);
    const r = await run(admin, inviteMemberAction, { groupId: group.id, email: "someone@example.test", role: "viewer" });
    expect(r.state?.ok).toBe(true);
    expect(r.state?.data?.emailed).toBe(false);
    expect(String(r.state?.data?.path)).toMatch(/^\/invite\//);
    expect(await db.job.count()).toBe(0);
  });

  it("an SMTP server that refuses connections: the invitation email is retried and the group admin sees it, without the link or the address", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    closeMailTransport();
    const group = await makeGroup(`inv-fail-${++seq}`, "Failing mail group");
    const admin = await makeActor(`inv-fail-${seq}`, [[group.id, "admin"]]);
    const r = await run(admin, inviteMemberAction, { groupId: group.id, email: "late@example.test", role: "viewer" });
    const token = String(r.state?.data?.path).split("/").pop()!;
    expect(await workOnce({ db })).toMatchObject({ retried: 1 });
    const problems = await listDeliveryProblems(admin, group.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: INVITATION_KIND, status: "retrying", attempts: 1 });
    expect(problems[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(problems[0].lastError).not.toContain(token);
    expect(problems[0].lastError).not.toContain("late@example.test");
  });
});

describe("weekly digest", () => {
  // Monday 7 December 2026, 09:00 in Almaty.
  const monday = new Date("2026-12-07T04:00:00Z");

  async function setup() {
    const group = await makeGroup(`digest-${++seq}`, "Digest group");
    const other = await makeGroup(`digest-other-${seq}`, "Other group");
    const reader = await makeActor(`digest-reader-${seq}`, [[group.id, "viewer"]], { locale: "ru" });
    const optedOut = await makeActor(`digest-off-${seq}`, [[group.id, "editor"]]);
    await db.user.update({ where: { id: optedOut.userId }, data: { weeklyDigest: false } });
    const court = await db.application.create({ data: { groupId: group.id, title: "Марш матерей", procedure: "notification", filedOn: "2026-06-01", parts: { create: [{ form: "march" }] } } });
    const stage = await db.appealStage.create({ data: { applicationId: court.id, kind: "first_instance", filedOn: "2026-11-01" } });
    await db.hearing.create({ data: { appealStageId: stage.id, heldOn: "2026-12-09", time: "15:00" } });
    const changed = await db.application.create({ data: { groupId: group.id, title: "Пикет у акимата", procedure: "notification", filedOn: "2026-06-01", parts: { create: [{ form: "picket" }] } } });
    await db.changeLog.create({ data: { groupId: group.id, caseId: changed.id, entity: "Application", entityId: changed.id, action: "update", at: new Date("2026-12-04T10:00:00Z") } });
    await db.changeLog.create({ data: { groupId: group.id, caseId: changed.id, entity: "Answer", entityId: "a1", action: "create", at: new Date("2026-12-05T10:00:00Z") } });
    // Older than a week, and another group's change: neither is in the digest.
    await db.changeLog.create({ data: { groupId: group.id, caseId: court.id, entity: "Application", entityId: court.id, action: "update", at: new Date("2026-11-20T10:00:00Z") } });
    const foreign = await db.application.create({ data: { groupId: other.id, title: "Чужое дело", procedure: "notification", filedOn: "2026-06-01", parts: { create: [{ form: "rally" }] } } });
    await db.changeLog.create({ data: { groupId: other.id, caseId: foreign.id, entity: "Application", entityId: foreign.id, action: "update", at: new Date("2026-12-05T10:00:00Z") } });
    return { group, reader, optedOut, court, changed };
  }

  it("once per member per ISO week: what is due in the next 7 days and what changed last week, in the member's language", async () => {
    const { reader, optedOut, court, changed } = await setup();
    expect(isoWeek("2026-12-07")).toEqual({ week: "2026-W50", monday: "2026-12-07" });
    await Promise.all([scanDigests(db, monday), scanDigests(other, monday)]);
    await scanDigests(db, new Date(monday.getTime() + 3_600_000));
    expect(await db.job.count({ where: { kind: DIGEST_KIND, key: digestKey("2026-W50", reader.userId) } })).toBe(1);
    expect(await db.job.count({ where: { kind: DIGEST_KIND, key: { contains: optedOut.userId } } })).toBe(0);

    await Promise.all([workOnce({ db, now: () => monday }), workOnce({ db: other, now: () => monday })]);
    const mine = inbox.filter((m) => to(m).includes(reader.email));
    expect(mine).toHaveLength(1);
    const m = mine[0];
    expect(m.subject).toBe("Неделя в трекере: 1 срок или заседание");
    expect(m.text).toContain("В ближайшие 7 дней (1):");
    expect(m.text).toContain("15:00");
    expect(m.text).toContain("Судебное заседание (первая инстанция)");
    expect(m.text).toContain(`«Марш матерей»: ${APP_URL}/applications/${court.id}`);
    expect(m.text).toContain("Дела, изменённые за неделю (1):");
    expect(m.text).toContain(`«Пикет у акимата» (2 изменения): ${APP_URL}/applications/${changed.id}`);
    expect(m.text).not.toContain("Чужое дело");
    expect(m.headers.get("content-language")).toBe("ru");
    expect(inbox.filter((x) => to(x).includes(optedOut.email))).toHaveLength(0);

    // Next week is another digest; this week's is never sent twice.
    await scanDigests(db, new Date(monday.getTime() + 86_400_000));
    expect(await db.job.count({ where: { kind: DIGEST_KIND, key: { contains: reader.userId } } })).toBe(1);
    await scanDigests(db, new Date(monday.getTime() + 7 * 86_400_000));
    expect(await db.job.count({ where: { kind: DIGEST_KIND, key: { contains: reader.userId } } })).toBe(2);
  });

  it("turned off in Settings after it was queued, the digest is not sent", async () => {
    const { reader } = await setup();
    await scanDigests(db, monday);
    await run(reader, updateChannelsAction, { email: "on" }); // no "digest" box ticked
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.userId } })).weeklyDigest).toBe(false);
    await workOnce({ db, now: () => monday });
    expect(inbox.filter((m) => to(m).includes(reader.email))).toHaveLength(0);
    const job = await db.job.findFirstOrThrow({ where: { key: digestKey("2026-W50", reader.userId) } });
    expect(job).toMatchObject({ status: "dropped", lastError: "turned off" });
  });

  it("without SMTP no digest is queued", async () => {
    delete process.env.SMTP_URL;
    await setup();
    expect(await scanDigests(db, monday)).toBe(0);
  });
});

describe("Settings forms", () => {
  it("render in every language with the member's choices, and post without JavaScript", () => {
    for (const locale of ["en", "ru", "kk"] as const) {
      const channels = renderChecked(h(ChannelsForm, { email: true, telegram: false, digest: true, privateTitles: false }), locale);
      expect(channels).toMatch(/<input[^>]*name="email"[^>]*checked/);
      expect(channels).not.toMatch(/<input[^>]*name="telegram"[^>]*checked/);
      expect(channels).toMatch(/<input[^>]*name="digest"[^>]*checked/);
      expect(renderChecked(h(TelegramLink, { linked: true }), locale)).toContain('data-telegram="linked"');
      expect(renderChecked(h(CreateFeedForm, { appUrl: APP_URL }), locale)).toContain('name="name"');
    }
    expect(renderChecked(h(ChannelsForm, { email: true, telegram: true, digest: false, privateTitles: true }), "ru")).toContain("Еженедельная сводка");
  });
});
