// Several instances, one queue: two worker processes (as two app servers, or `npm run worker`
// twice) on one database work 200 reminder emails; one is killed midway. Every reminder
// arrives, none twice over — at most the one the killed worker had in hand when it died can be
// sent again, under the same Message-ID, which mail clients fold into one.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { loadClock } from "@/lib/data/rules";
import { EMAIL_KIND, scanReminders } from "@/lib/data/reminders";
import { shiftWorkingDays } from "@/lib/domain/working-days";
import { todayIn } from "@/lib/domain/dates";
import { closeMailTransport } from "@/lib/mail";

const MEMBERS = 200;
let smtp: TestSmtp;
const inbox: ParsedMail[] = [];
const workers: ChildProcess[] = [];
let log = "";

beforeAll(async () => {
  smtp = await startTestSmtp((m) => inbox.push(m));
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Tracker <tracker@example.org>";
  process.env.APP_URL = "https://tracker.example.org";
  await loadReference(db);
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  closeMailTransport();
  await smtp.close();
});

function startWorker(name: string): ChildProcess {
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, TRACKER_WORKER_POLL_MS: "100", TRACKER_JOB_LEASE_MS: "10000", WORKER_NAME: name },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d) => (log += `[${name}] ${d}`));
  proc.stderr?.on("data", (d) => (log += `[${name}!] ${d}`));
  workers.push(proc);
  return proc;
}

async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) {
      const jobs = await db.job.groupBy({ by: ["status"], _count: true });
      throw new Error(`timed out waiting for ${what}: ${inbox.length} received, jobs ${JSON.stringify(jobs)}\n${log.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("two worker processes on one database", () => {
  it("send each of 200 reminders, though one worker is killed midway", async () => {
    const group = await db.group.create({ data: { slug: "many", name: "Many members" } });
    for (let i = 0; i < MEMBERS; i++) {
      const user = await db.user.create({ data: { email: `m${i}@example.test`, name: `Member ${i}`, passwordHash: "x", reminderOffsets: "1", locale: "ru", weeklyDigest: false } });
      await db.membership.create({ data: { userId: user.id, groupId: group.id, role: "viewer" } });
    }
    // A hearing on the next working day: today is its one-day reminder's day, for every member.
    const now = new Date();
    const clock = await loadClock(db);
    // "Today" is the group's (Asia/Almaty by default), as the scan reckons it.
    const heldOn = shiftWorkingDays(todayIn(group.timeZone, now), 1, clock.calendar).date;
    const app = await db.application.create({ data: { groupId: group.id, title: "Митинг в защиту парка", procedure: "notification", filedOn: "2026-02-02" } });
    const stage = await db.appealStage.create({ data: { applicationId: app.id, kind: "first_instance", filedOn: "2026-03-01" } });
    await db.hearing.create({ data: { appealStageId: stage.id, heldOn, time: "10:00" } });
    expect(await scanReminders(db, now)).toBe(MEMBERS);

    const a = startWorker("A");
    startWorker("B");
    await until("the first reminders", () => inbox.length >= 15);
    a.kill("SIGKILL");
    const killedAt = inbox.length;
    await until("every reminder done", async () => (await db.job.count({ where: { kind: EMAIL_KIND, status: { not: "done" } } })) === 0);
    await new Promise((r) => setTimeout(r, 500)); // the last messages' DATA to finish

    expect(killedAt).toBeLessThan(MEMBERS); // the kill came midway
    const recipients = inbox.flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((t) => t.value.map((v) => v.address)));
    expect(new Set(recipients).size).toBe(MEMBERS);
    const ids = inbox.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(MEMBERS);
    expect(inbox.length - MEMBERS).toBeLessThanOrEqual(1);
    const jobs = await db.job.findMany({ where: { kind: EMAIL_KIND } });
    expect(jobs).toHaveLength(MEMBERS);
    expect(jobs.every((j) => j.status === "done")).toBe(true);
    // Both processes did work before the kill (or the survivor took over everything after it).
    expect(new Set(jobs.map((j) => j.lockedBy ?? "")).size).toBeGreaterThanOrEqual(1);
    // The only trouble the mail server saw is the killed worker's connections being cut.
    expect(smtp.errors.map((e) => (e as NodeJS.ErrnoException).code).filter((c) => c !== "ECONNRESET" && c !== "EPIPE")).toEqual([]);
  }, 180_000);
});
