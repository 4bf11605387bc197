import "server-only";
// Settings → Delivery: the background jobs about a group that failed or are being retried —
// reminders to its members, invitations it sent, its files' OCR — with the last error, for the
// group's admins, and a retry. Errors are stored without addresses or tokens (lib/jobs
// describeError, lib/telegram describeTelegramError); the payload itself is never shown.
import { db } from "../db";
import { requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { logChange } from "./audit";

export interface DeliveryProblem {
  id: string;
  kind: string;
  status: "failed" | "retrying";
  attempts: number;
  maxAttempts: number;
  lastError: string;
  nextAttemptAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  caseId: string | null;
  caseTitle: string | null;
  memberName: string | null;
}

export async function listDeliveryProblems(actor: Actor, groupId: string): Promise<DeliveryProblem[]> {
  requireRole(actor, groupId, "admin");
  const jobs = await db.job.findMany({
    where: { groupId, OR: [{ status: "failed" }, { status: "pending", lastError: { not: null } }] },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, kind: true, status: true, attempts: true, maxAttempts: true, lastError: true, runAt: true, finishedAt: true, createdAt: true, payload: true },
  });
  const parsed = jobs.map((j) => {
    let p: { caseId?: unknown; userId?: unknown } = {};
    try {
      p = JSON.parse(j.payload);
    } catch {
      p = {};
    }
    return { j, caseId: typeof p.caseId === "string" ? p.caseId : null, userId: typeof p.userId === "string" ? p.userId : null };
  });
  const caseIds = [...new Set(parsed.map((x) => x.caseId).filter((x): x is string => x !== null))];
  const userIds = [...new Set(parsed.map((x) => x.userId).filter((x): x is string => x !== null))];
  const [cases, members] = await Promise.all([
    caseIds.length ? db.application.findMany({ where: { id: { in: caseIds }, groupId }, select: { id: true, title: true } }) : [],
    // Only names of the group's own members: the admin sees them on the members page anyway.
    userIds.length ? db.membership.findMany({ where: { groupId, userId: { in: userIds } }, select: { userId: true, user: { select: { name: true } } } }) : [],
  ]);
  const titles = new Map(cases.map((c) => [c.id, c.title]));
  const names = new Map(members.map((m) => [m.userId, m.user.name]));
  return parsed.map(({ j, caseId, userId }) => ({
    id: j.id,
    kind: j.kind,
    status: j.status === "failed" ? "failed" : "retrying",
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    lastError: j.lastError ?? "",
    nextAttemptAt: j.status === "pending" ? j.runAt : null,
    finishedAt: j.finishedAt,
    createdAt: j.createdAt,
    caseId: caseId && titles.has(caseId) ? caseId : null,
    caseTitle: caseId ? (titles.get(caseId) ?? null) : null,
    memberName: userId ? (names.get(userId) ?? null) : null,
  }));
}

/** Runs a failed or retrying job again now, with its attempts counted afresh. Not one a worker holds. */
export async function retryDeliveryJob(actor: Actor, groupId: string, jobId: string, now = new Date()): Promise<void> {
  requireRole(actor, groupId, "admin");
  await db.$transaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: jobId, groupId }, select: { id: true, kind: true, status: true } });
    if (!job || (job.status !== "failed" && job.status !== "pending")) throw new NotFoundError();
    const n = await tx.job.updateMany({
      where: { id: job.id, groupId, status: job.status, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { status: "pending", attempts: 0, runAt: now, finishedAt: null, lockedUntil: null, lockedBy: null },
    });
    if (n.count !== 1) return; // a worker is on it right now
    await logChange(tx, actor, { entity: "Job", entityId: job.id, groupId, action: "update", before: { status: job.status }, after: { status: "pending", retriedBy: actor.name, kind: job.kind } });
  });
}
