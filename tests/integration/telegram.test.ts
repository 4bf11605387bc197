// Telegram, through a local HTTP server speaking the Bot API's shape (getMe, getUpdates,
// sendMessage, at TELEGRAM_API_ROOT): linking a chat with a one-time code, /due, reminders by
// Telegram exactly once with two workers racing, private titles only on opt-in, the poller held
// by one worker, the webhook route, and a failing Bot API shown to the group admin with no token.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db-client";
import { loadReference } from "@/prisma/seed/reference";
import { recomputeCase } from "@/lib/data/case-state";
import { loadClock } from "@/lib/data/rules";
import { caseClockInput, nextDeadline } from "@/lib/domain/deadlines";
import { shiftWorkingDays } from "@/lib/domain/working-days";
import { claimNext, scheduleRecurring, workOnce } from "@/lib/jobs";
import { registerReminderJobs, scanReminders, TELEGRAM_KIND } from "@/lib/data/reminders";
import { pollTelegram } from "@/lib/telegram";
import { POLL_KIND, registerTelegramJobs } from "@/lib/telegram/jobs";
import { createTelegramCodeAction, retryDeliveryAction, unlinkTelegramAction, updateChannelsAction } from "@/lib/actions/notify";
import { listDeliveryProblems } from "@/lib/data/delivery";
import { POST as webhookPOST } from "@/app/api/telegram/[secret]/route";
import { makeActor, makeGroup, run } from "../support/fixtures";

const TOKEN = "123456:TEST-token-never-logged";
const APP_URL = "https://tracker.example.org";
const other = createPrismaClient(process.env.DATABASE_URL); // a second app instance's client

interface Call {
  method: string;
  body: Record<string, unknown>;
}
let calls: Call[] = [];
let pending: Record<string, unknown>[] = [];
let nextUpdateId = 1000;
let failSend = false;
let server: http.Server;

/** What a Bot API server answers; the token must be in the path, as Telegram's is. */
function botApi(req: http.IncomingMessage, res: http.ServerResponse) {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!m || decodeURIComponent(m[1]) !== TOKEN) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2];
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    calls.push({ method, body });
    if (method === "getMe") return reply(200, { ok: true, result: { id: 42, is_bot: true, first_name: "Tracker", username: "tracker_test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } });
    if (method === "getUpdates") {
      const offset = typeof body.offset === "number" ? body.offset : 0;
      pending = pending.filter((u) => (u.update_id as number) >= offset);
      return reply(200, { ok: true, result: pending.slice(0, typeof body.limit === "number" ? body.limit : 100) });
    }
    if (method === "sendMessage") {
      if (failSend) return reply(500, { ok: false, error_code: 500, description: "Internal Server Error: try later" });
      return reply(200, { ok: true, result: { message_id: calls.length, date: 0, chat: { id: Number(body.chat_id), type: "private" }, text: body.text } });
    }
    reply(404, { ok: false, error_code: 404, description: "Not Found" });
  });
}

function message(chatId: number, text: string, type: "private" | "group" = "private", languageCode = "ru") {
  const update_id = nextUpdateId++;
  const isCommand = text.startsWith("/");
  return {
    update_id,
    message: {
      message_id: update_id,
      date: Math.floor(Date.now() / 1000),
      chat: type === "private" ? { id: chatId, type, first_name: "Aigerim" } : { id: chatId, type, title: "Organizers" },
      from: { id: chatId, is_bot: false, first_name: "Aigerim", language_code: languageCode },
      text,
      ...(isCommand ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0].length }] } : {}),
    },
  };
}

const sent = () => calls.filter((c) => c.method === "sendMessage");

beforeAll(async () => {
  server = http.createServer(botApi);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.TELEGRAM_BOT_TOKEN = TOKEN;
  process.env.TELEGRAM_API_ROOT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = APP_URL;
  delete process.env.SMTP_URL; // email off: Telegram is the only channel here
  delete process.env.TELEGRAM_WEBHOOK_SECRET;
  await loadReference(db);
  registerReminderJobs();
});

afterAll(async () => {
  await other.$disconnect();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  calls = [];
  pending = [];
  failSend = false;
  await db.job.deleteMany();
  await db.application.deleteMany();
});

let seq = 0;
async function refusedCase(groupId: string, title: string, answeredOn: string, isPublic = false) {
  const app = await db.application.create({
    data: { groupId, title, isPublic, procedure: "notification", filedOn: "2026-02-02", parts: { create: [{ form: "rally" }] } },
    include: { parts: true },
  });
  await db.answer.create({ data: { applicationId: app.id, receivedOn: answeredOn, partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  await db.$transaction((tx) => recomputeCase(tx, app.id, "2026-03-01"));
  const c = await db.application.findUniqueOrThrow({ where: { id: app.id }, include: { answers: { include: { partOutcomes: true } }, appealStages: { include: { ruling: true } } } });
  const clock = await loadClock(db);
  const due = nextDeadline(caseClockInput(c, c.answers[0], false), clock.rules, clock.calendar)!.dueOn;
  return { id: app.id, due, threeBefore: new Date(`${shiftWorkingDays(due, -3, clock.calendar).date}T04:00:00Z`) };
}

/** A member who linked Telegram through the bot, as a member would: a code from Settings, /link CODE. */
async function linkedMember(label: string, groupId: string, role: "viewer" | "admin" = "viewer", chatId = 5000 + ++seq) {
  const actor = await makeActor(`tg-${label}-${seq}`, [[groupId, role]], { locale: "ru" });
  const code = await run(actor, createTelegramCodeAction, {});
  pending.push(message(chatId, `/link ${String(code.state?.data?.code)}`));
  await pollTelegram(db, { forMs: 0, timeoutSec: 0 });
  return { actor, chatId };
}

describe("linking Telegram", () => {
  it("a one-time code from Settings links the chat that sends it; used again, or from a group chat, it links nothing", async () => {
    const group = await makeGroup(`tg-link-${++seq}`, "Link group");
    const actor = await makeActor(`tg-linker-${seq}`, [[group.id, "viewer"]], { locale: "ru" });
    const r = await run(actor, createTelegramCodeAction, {});
    const code = String(r.state?.data?.code);
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(stored.telegramCodeHash).not.toContain(code); // only a hash
    expect(stored.telegramCodeHash).toHaveLength(64);

    // A group chat is ignored (it would show a member's cases to the whole group).
    pending.push(message(-100777, `/link ${code}`, "group"));
    pending.push(message(7001, `/start ${code.toLowerCase()}`));
    pending.push(message(7002, `/link ${code}`)); // the same code again, from another chat
    pending.push(message(7003, "hello"));
    expect(await pollTelegram(db, { forMs: 0, timeoutSec: 0 })).toBe(4);

    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).telegramChatId).toBe("7001");
    const replies = sent();
    expect(replies.map((c) => c.body.chat_id)).toEqual([7001, 7002, 7003]);
    expect(String(replies[0].body.text)).toContain("Готово");
    expect(String(replies[1].body.text)).toContain("Код неизвестен или истёк");
    expect(String(replies[2].body.text)).toContain("/link");
    // The handled updates were confirmed: the last getUpdates asked from after them.
    const polls = calls.filter((c) => c.method === "getUpdates");
    expect(polls[polls.length - 1].body.offset).toBe(nextUpdateId);

    // An expired code links nothing.
    const again = await run(actor, createTelegramCodeAction, {});
    await db.user.update({ where: { id: actor.userId }, data: { telegramCodeExpiresAt: new Date(Date.now() - 1000) } });
    pending.push(message(7004, `/link ${String(again.state?.data?.code)}`));
    await pollTelegram(db, { forMs: 0, timeoutSec: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).telegramChatId).toBe("7001");

    // Unlinking from Settings.
    expect((await run(actor, unlinkTelegramAction, {})).state?.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).telegramChatId).toBeNull();
  });

  it("/due lists what is due this week in the member's groups, a private case by its group only, with the case link", async () => {
    const group = await makeGroup(`tg-due-${++seq}`, "Due group");
    const { actor, chatId } = await linkedMember("due", group.id);
    const today = new Date().toISOString().slice(0, 10);
    // A hearing in two days, in a private case: named by its group unless the member opts in.
    const app = await db.application.create({ data: { groupId: group.id, title: "Секретный пикет", procedure: "notification", filedOn: "2025-01-10", parts: { create: [{ form: "picket" }] } } });
    const stage = await db.appealStage.create({ data: { applicationId: app.id, kind: "appeal", filedOn: "2025-03-01" } });
    const heldOn = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await db.hearing.create({ data: { appealStageId: stage.id, heldOn, time: "11:00" } });
    expect(heldOn > today).toBe(true);
    calls = [];
    pending.push(message(chatId, "/due"));
    await pollTelegram(db, { forMs: 0, timeoutSec: 0 });
    const text = String(sent()[0].body.text);
    expect(text).toContain("На этой неделе");
    expect(text).toContain("Судебное заседание (апелляция)");
    expect(text).toContain("11:00");
    expect(text).toContain("закрытое дело группы Due group");
    expect(text).not.toContain("Секретный пикет");
    expect(text).toContain(`${APP_URL}/applications/${app.id}`);

    await run(actor, updateChannelsAction, { telegram: "on", privateTitles: "on" });
    calls = [];
    pending.push(message(chatId, "/due"));
    await pollTelegram(db, { forMs: 0, timeoutSec: 0 });
    expect(String(sent()[0].body.text)).toContain("«Секретный пикет»");

    // An unlinked chat is told how to link.
    calls = [];
    pending.push(message(99999, "/due", "private", "en"));
    await pollTelegram(db, { forMs: 0, timeoutSec: 0 });
    expect(String(sent()[0].body.text)).toContain("not linked");
  });
});

describe("reminders by Telegram", () => {
  it("a linked member who chose Telegram gets the reminder once, even with two workers racing; a private title only on opt-in", async () => {
    const group = await makeGroup(`tg-rem-${++seq}`, "Reminder group");
    const a = await linkedMember("a", group.id);
    const b = await linkedMember("b", group.id);
    const emailOnly = await makeActor(`tg-email-${seq}`, [[group.id, "viewer"]]);
    await run(a.actor, updateChannelsAction, { telegram: "on" });
    await run(b.actor, updateChannelsAction, { telegram: "on", email: "on", privateTitles: "on" });
    const kase = await refusedCase(group.id, "Митинг за чистый воздух", "2026-03-02");
    const now = kase.threeBefore;
    calls = [];

    // Email is off on this server: only Telegram jobs, one per linked member who chose it.
    expect(await scanReminders(db, now)).toBe(2);
    expect(await scanReminders(other, now)).toBe(0);
    const jobs = await db.job.findMany({ where: { kind: TELEGRAM_KIND } });
    expect(jobs).toHaveLength(2);
    expect(jobs.every((j) => j.key.includes(":telegram:") && j.groupId === group.id)).toBe(true);
    await Promise.all([workOnce({ db, now: () => now }), workOnce({ db: other, now: () => now }), workOnce({ db, now: () => now })]);
    await workOnce({ db: other, now: () => now });

    const toA = sent().filter((c) => String(c.body.chat_id) === String(a.chatId));
    const toB = sent().filter((c) => String(c.body.chat_id) === String(b.chatId));
    expect(toA).toHaveLength(1);
    expect(toB).toHaveLength(1);
    expect(sent()).toHaveLength(2);
    expect(String(toA[0].body.text)).toContain("Последний день подачи административной жалобы");
    expect(String(toA[0].body.text)).toContain("через 3 рабочих дня");
    expect(String(toA[0].body.text)).toContain(`${APP_URL}/applications/${kase.id}`);
    expect(String(toA[0].body.text)).not.toContain("Митинг за чистый воздух");
    expect(String(toA[0].body.text)).toContain("закрытое дело группы Reminder group");
    expect(String(toB[0].body.text)).toContain("«Митинг за чистый воздух»");
    expect(await db.job.count({ where: { kind: TELEGRAM_KIND, status: "done" } })).toBe(2);
    expect(emailOnly).toBeTruthy();
  });

  it("a member who turned Telegram off before the send is not sent to; a failing Bot API is retried and shown to the group admin without the token", async () => {
    const group = await makeGroup(`tg-fail-${++seq}`, "Failing group");
    const admin = await linkedMember("admin", group.id, "admin");
    const viewer = await linkedMember("viewer", group.id);
    await run(admin.actor, updateChannelsAction, { telegram: "on" });
    await run(viewer.actor, updateChannelsAction, { telegram: "on" });
    // Answered today, so that the retry (run "now") finds the deadline still ahead.
    const kase = await refusedCase(group.id, "Шествие", new Date().toISOString().slice(0, 10), true);
    const now = kase.threeBefore;
    expect(await scanReminders(db, now)).toBe(2);
    await run(viewer.actor, updateChannelsAction, { email: "on" }); // Telegram off
    calls = [];
    failSend = true;
    const s = await workOnce({ db, now: () => now });
    expect(s).toMatchObject({ dropped: 1, retried: 1 });
    const failing = await db.job.findFirstOrThrow({ where: { kind: TELEGRAM_KIND, status: "pending" } });
    expect(failing.lastError).toContain("Internal Server Error");
    expect(failing.lastError).not.toContain(TOKEN);
    expect(failing.lastError).not.toContain("TEST-token");

    const problems = await listDeliveryProblems(admin.actor, group.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: TELEGRAM_KIND, status: "retrying", caseId: kase.id, caseTitle: "Шествие" });
    expect(problems[0].lastError).not.toContain(TOKEN);
    await expect(listDeliveryProblems(viewer.actor, group.id)).rejects.toThrow();

    // The admin retries once the Bot API is back: it goes out at once.
    failSend = false;
    const retried = await run(admin.actor, retryDeliveryAction, { groupId: group.id, jobId: failing.id });
    expect(retried.state?.ok).toBe(true);
    const byViewer = await run(viewer.actor, retryDeliveryAction, { groupId: group.id, jobId: failing.id });
    expect(byViewer.state?.ok).toBe(false);
    calls = [];
    await workOnce({ db, now: () => new Date(Math.max(Date.now(), now.getTime()) + 1000) });
    expect(await db.job.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({ status: "done", attempts: 1 });
    expect(sent().filter((c) => String(c.body.chat_id) === String(admin.chatId))).toHaveLength(1);
    expect(await listDeliveryProblems(admin.actor, group.id)).toHaveLength(0);
  });
});

describe("one poller", () => {
  it("the poll is a recurring job enqueued once per minute however many workers schedule it, and held by one worker", async () => {
    registerTelegramJobs();
    const now = new Date("2026-12-01T10:00:30Z");
    await Promise.all([scheduleRecurring(db, now), scheduleRecurring(other, now)]);
    expect(await db.job.count({ where: { kind: POLL_KIND } })).toBe(1);
    const [x, y] = await Promise.all([claimNext(db, "worker-1", now), claimNext(other, "worker-2", now)]);
    const claimed = [x, y].filter((j) => j?.kind === POLL_KIND);
    expect(claimed).toHaveLength(1);
  });
});

describe("webhook", () => {
  it("with TELEGRAM_WEBHOOK_SECRET, /api/telegram/<secret> handles an update; any other path answers 404", async () => {
    process.env.TELEGRAM_WEBHOOK_SECRET = "hook-secret-123";
    try {
      const group = await makeGroup(`tg-hook-${++seq}`, "Hook group");
      const { chatId } = await linkedMember("hook", group.id);
      calls = [];
      const update = message(chatId, "/due");
      const post = (secret: string, header = secret) =>
        webhookPOST(new Request(`${APP_URL}/api/telegram/${secret}`, { method: "POST", headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": header }, body: JSON.stringify(update) }), {
          params: Promise.resolve({ secret }),
        });
      expect((await post("wrong")).status).toBe(404);
      expect((await post("hook-secret-123", "wrong")).status).toBe(401);
      expect(sent()).toHaveLength(0);
      expect((await post("hook-secret-123")).status).toBe(200);
      expect(sent()).toHaveLength(1);
      expect(String(sent()[0].body.text)).toContain("На этой неделе в ваших группах сроков нет");
    } finally {
      delete process.env.TELEGRAM_WEBHOOK_SECRET;
    }
  });
});
