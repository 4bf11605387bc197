// Graceful shutdown (issue #19): a worker process told to stop (SIGTERM, as a deploy or
// `systemctl stop` does) takes no further job, finishes the one in hand and exits 0 — or, when
// the job outlasts the grace period, gives its lease back so another worker takes it at once.
// No job is left leased by a process that is gone. The app's in-process worker stops the same
// way (lib/jobs/shutdown.ts), its exit held until the job is settled.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs";
import { RESET_EMAIL_KIND } from "@/lib/accounts/mail";
import { closeMailTransport } from "@/lib/mail";

let smtp: TestSmtp;
const inbox: ParsedMail[] = [];
// The SMTP server holds each message's DATA until the test lets it go: a job "in hand".
let dataStarted: () => void = () => undefined;
let release: () => void = () => undefined;
let dataCount = 0;
const procs: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp((m) => inbox.push(m), {
    onData: () =>
      new Promise<void>((resolve) => {
        dataCount++;
        release = resolve;
        dataStarted();
      }),
  });
});

afterAll(async () => {
  release();
  for (const p of procs) if (p.exitCode === null) p.kill("SIGKILL");
  closeMailTransport();
  await smtp.close();
});

function startWorker(env: Record<string, string> = {}): { proc: ChildProcess; exited: Promise<number | null>; log: () => string } {
  let log = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, SMTP_URL: smtp.url, MAIL_FROM: "Tracker <tracker@example.org>", APP_URL: "https://tracker.example.org", TRACKER_WORKER_POLL_MS: "100", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d) => (log += d));
  proc.stderr?.on("data", (d) => (log += d));
  procs.push(proc);
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, exited, log: () => log };
}

async function resetJobsFor(emails: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, email] of emails.entries()) {
    const user = await db.user.create({ data: { email, name: `Member ${i}`, passwordHash: "x", locale: "en", weeklyDigest: false } });
    const key = `${RESET_EMAIL_KIND}:${user.id}`;
    // One after the other: the first is claimed first.
    await enqueue(db, { kind: RESET_EMAIL_KIND, key, payload: { userId: user.id, at: new Date().toISOString() }, runAt: new Date(Date.now() - 60_000 + i) });
    ids.push((await db.job.findUniqueOrThrow({ where: { key }, select: { id: true } })).id);
  }
  return ids;
}

const inHand = () => new Promise<void>((resolve) => (dataStarted = resolve));

describe("a worker process told to stop", () => {
  it("finishes the job in hand, takes no other, and exits 0", async () => {
    const [first, second] = await resetJobsFor(["first@example.test", "second@example.test"]);
    const sending = inHand();
    const w = startWorker();
    await sending;
    w.proc.kill("SIGTERM");
    // The mail server answers a moment later: the job completes after the signal.
    await new Promise((r) => setTimeout(r, 500));
    release();
    expect(await w.exited, w.log()).toBe(0);

    const done = await db.job.findUniqueOrThrow({ where: { id: first } });
    expect(done).toMatchObject({ status: "done", lockedUntil: null });
    expect(inbox.flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((t) => t.value.map((v) => v.address)))).toEqual(["first@example.test"]);
    expect(dataCount).toBe(1);
    // The next job was never claimed: waiting, unleased, its attempts untouched.
    const waiting = await db.job.findUniqueOrThrow({ where: { id: second } });
    expect(waiting).toMatchObject({ status: "pending", lockedUntil: null, lockedBy: null, attempts: 0 });
    expect(w.log()).toMatch(/SIGTERM, finishing the job in hand/);
  }, 60_000);

  it("gives the lease of a job that outlasts the grace period back to the queue, and exits 0", async () => {
    const [stuck] = await db.job.findMany({ where: { kind: RESET_EMAIL_KIND, status: "pending" }, select: { id: true } });
    const sending = inHand();
    const w = startWorker({ TRACKER_WORKER_STOP_GRACE_MS: "1000" });
    await sending;
    const leased = await db.job.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(leased.lockedBy).toBeTruthy();
    expect(leased.attempts).toBe(1);
    const signalled = Date.now();
    w.proc.kill("SIGTERM");
    // The mail server never answers while the worker waits.
    expect(await w.exited, w.log()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(15_000);

    // Free for the next worker now, not when a 5-minute lease runs out; the cut-off attempt not counted.
    const back = await db.job.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(back).toMatchObject({ status: "pending", lockedUntil: null, lockedBy: null, attempts: 0 });
    expect(w.log()).toMatch(/job released to the queue/);
    release();
  }, 60_000);

  it("inside the app: requests in flight finish, and the server's exit waits for the job in hand", async () => {
    // The job the previous test gave back is not this one's business.
    await db.job.updateMany({ where: { kind: RESET_EMAIL_KIND, status: "pending" }, data: { status: "dropped" } });
    const [job] = await resetJobsFor(["third@example.test"]);
    const sending = inHand();
    let log = "";
    const host = spawn(process.execPath, ["--import", "tsx", "tests/support/signal-host.ts"], {
      env: { ...process.env, SMTP_URL: smtp.url, MAIL_FROM: "Tracker <tracker@example.org>", APP_URL: "https://tracker.example.org", SLOW_MS: "1500" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    procs.push(host);
    host.stdout?.on("data", (d) => (log += d));
    host.stderr?.on("data", (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => host.on("exit", (code) => resolve(code)));
    await sending;
    const port = await new Promise<number>((resolve, reject) => {
      const t = setInterval(() => {
        const m = /listening on (\d+)/.exec(log);
        if (m) resolve(Number(m[1]));
        else if (host.exitCode !== null) reject(new Error(log));
        else return;
        clearInterval(t);
      }, 50);
    });
    // Connection: close, so the server has closed as soon as this is answered (no idle keep-alive).
    const page = fetch(`http://127.0.0.1:${port}/applications`, { headers: { connection: "close" } }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 200));
    host.kill("SIGTERM");
    // The request in flight is answered; then the server closes and asks to exit.
    expect(await page).toBe("answered /applications");
    await new Promise((r) => setTimeout(r, 1000));
    expect(host.exitCode, log).toBeNull(); // held back: the job is still in hand
    release();
    expect(await exited, log).toBe(143);
    if (process.env.DEBUG_HOST) console.log(log);
    expect(log).toMatch(/server closed, exiting 143/);
    expect(await db.job.findUniqueOrThrow({ where: { id: job } })).toMatchObject({ status: "done", lockedUntil: null });
  }, 60_000);
});
