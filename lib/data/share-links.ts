import "server-only";
// Share links: a random token that opens one case, read-only, under a scope chosen by the
// group. Only the token's hash is stored; the link itself is the permission, so loading a
// shared case bypasses isPublic but is confined to that one application and that scope.
import crypto from "node:crypto";
import { db } from "../db";
import { versionedCache } from "../db-client";
import { env } from "../env";
import { isVisibleTo, requireRole, visibleWhere, type Actor } from "../auth/access";
import { hashPassword, verifyPassword } from "../auth/password";
import { NotFoundError } from "../errors";
import { consume, retryAfter } from "../rate-limit";
import type { Locale } from "../i18n/config";
import { logChange } from "./audit";
import { getCase } from "./cases";
import { buildCaseFile, listLegalStandards, parseSections, type CaseFile, type CaseFileScope } from "./case-file";
import type { CreateShareLinkInput } from "../validation/share";

/** 32 random bytes: 256 bits, 43 characters of base64url. */
export const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): string {
  return crypto.randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashShareToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** A client address as the access log and the rate limiter know it: keyed hash, never the address. */
export function hashClient(address: string): string {
  return crypto.createHmac("sha256", env.hashPepper).update(`share-client:${address}`).digest("hex");
}

export type ShareLinkRow = Awaited<ReturnType<typeof findLinkByToken>>;

async function findLinkByToken(token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = hashShareToken(token);
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hash },
    include: { group: { select: { name: true } }, application: { select: { title: true } } },
  });
  if (!link) return null;
  // The lookup is by hash already; comparing in constant time keeps it so if lookup ever changes.
  const a = Buffer.from(link.tokenHash, "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? link : null;
}

async function editableApplication(actor: Actor, applicationId: string) {
  const app = await db.application.findFirst({ where: { id: applicationId, ...visibleWhere(actor) }, select: { id: true, groupId: true } });
  if (!app) throw new NotFoundError();
  requireRole(actor, app.groupId, "editor");
  return app;
}

/** Creates a link for a case the actor may edit. The token is returned once and never stored. */
export async function createShareLink(actor: Actor, input: CreateShareLinkInput, now = new Date()): Promise<{ id: string; token: string; expiresAt: Date }> {
  const app = await editableApplication(actor, input.applicationId);
  const token = newShareToken();
  const passcodeHash = input.passcode ? await hashPassword(input.passcode) : null;
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const link = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        applicationId: app.id,
        groupId: app.groupId,
        tokenHash: hashShareToken(token),
        passcodeHash,
        sections: parseSections(input.sections).join(","),
        includePersonal: input.includePersonal,
        createdById: actor.userId,
        createdByName: actor.name,
        expiresAt,
      },
    });
    await logChange(tx, actor, { entity: "ShareLink", entityId: created.id, caseId: app.id, groupId: app.groupId, action: "create", after: created });
    return created;
  });
  return { id: link.id, token, expiresAt };
}

/** Revokes at once; revoking twice keeps the first time. */
export async function revokeShareLink(actor: Actor, linkId: string, now = new Date()): Promise<{ applicationId: string }> {
  const link = await db.shareLink.findFirst({ where: { id: linkId, groupId: { in: actor.memberships.map((m) => m.groupId) } } });
  if (!link) throw new NotFoundError();
  requireRole(actor, link.groupId, "editor");
  if (!link.revokedAt) {
    await db.$transaction(async (tx) => {
      const updated = await tx.shareLink.update({ where: { id: link.id, groupId: link.groupId }, data: { revokedAt: now } });
      await logChange(tx, actor, { entity: "ShareLink", entityId: link.id, caseId: link.applicationId, groupId: link.groupId, action: "update", before: link, after: updated });
    });
  }
  return { applicationId: link.applicationId };
}

export type ShareLinkState = "active" | "expired" | "revoked";

export function linkState(link: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): ShareLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

const summarySelect = {
  id: true,
  applicationId: true,
  sections: true,
  includePersonal: true,
  passcodeHash: true,
  createdByName: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastOpenedAt: true,
  openCount: true,
  application: { select: { title: true } },
} as const;

function summarize<T extends { sections: string; passcodeHash: string | null; expiresAt: Date; revokedAt: Date | null }>(rows: T[], now: Date) {
  // The passcode's hash never leaves the data layer.
  return rows.map(({ passcodeHash, sections, ...l }) => ({ ...l, sections: parseSections(sections), hasPasscode: passcodeHash !== null, state: linkState(l, now) }));
}

/** The links the case's group has made, newest first, for its members. */
export async function listShareLinks(actor: Actor, applicationId: string, now = new Date()) {
  // Read once per write (a case page listed them on each view); visibility and role are checked per caller.
  const found = await shareLinksCache(db, applicationId, () => loadShareLinks(applicationId));
  if (!found || !isVisibleTo(actor, found)) throw new NotFoundError();
  requireRole(actor, found.groupId, "viewer");
  return summarize(found.links, now).map((l) => ({ ...l, application: { ...l.application } }));
}

async function loadShareLinks(applicationId: string) {
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { groupId: true, isPublic: true } });
  if (!app) return null;
  const links = await db.shareLink.findMany({ where: { applicationId, groupId: app.groupId }, orderBy: { createdAt: "desc" }, select: summarySelect });
  return { ...app, links };
}
const shareLinksCache = versionedCache<Awaited<ReturnType<typeof loadShareLinks>>>(500);

/** Every link a group has made, across its cases: what has left the group, and is still out. */
export async function listGroupShareLinks(actor: Actor, groupId: string, opts: { activeOnly?: boolean } = {}, now = new Date()) {
  requireRole(actor, groupId, "viewer");
  const links = await db.shareLink.findMany({
    where: { groupId, ...(opts.activeOnly ? { revokedAt: null, expiresAt: { gt: now } } : {}) },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: summarySelect,
  });
  return summarize(links, now);
}
export type ShareLinkSummary = Awaited<ReturnType<typeof listShareLinks>>[number];

// ───────────────────────────── opening a link

const PASS_COOKIE_SECONDS = 2 * 60 * 60;

function passcodeSignature(link: { id: string; passcodeHash: string | null }, expires: number): string {
  // The passcode hash is in the signature so a changed passcode voids earlier cookies.
  return crypto.createHmac("sha256", env.authSecret).update(`share-pass:${link.id}:${expires}:${link.passcodeHash ?? ""}`).digest("base64url");
}

/** A cookie value proving the passcode was given, valid for a short time and one link. */
export function passcodeCookieValue(link: { id: string; passcodeHash: string | null; expiresAt: Date }, now = new Date()): { value: string; maxAge: number } {
  const expires = Math.min(Math.floor(now.getTime() / 1000) + PASS_COOKIE_SECONDS, Math.floor(link.expiresAt.getTime() / 1000));
  return { value: `${expires}.${passcodeSignature(link, expires)}`, maxAge: Math.max(0, expires - Math.floor(now.getTime() / 1000)) };
}

function passcodeCookieValid(link: { id: string; passcodeHash: string | null }, cookie: string | null | undefined, now = new Date()): boolean {
  if (!cookie) return false;
  const [exp, sig] = cookie.split(".");
  const expires = Number(exp);
  if (!Number.isInteger(expires) || expires * 1000 <= now.getTime() || !sig) return false;
  const expected = Buffer.from(passcodeSignature(link, expires));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export type OpenResult =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid" }
  | { kind: "passcode_required"; wrongPasscode: boolean }
  | { kind: "ok"; link: NonNullable<ShareLinkRow> };

async function logAccess(linkId: string, clientHash: string, result: "ok" | "passcode_required" | "bad_passcode", now: Date, countOpening: boolean) {
  await db.$transaction([
    db.shareAccess.create({ data: { shareLinkId: linkId, clientHash, result, at: now } }),
    ...(countOpening ? [db.shareLink.update({ where: { id: linkId }, data: { openCount: { increment: 1 }, lastOpenedAt: now } })] : []),
  ]);
}

async function refused(clientHash: string): Promise<OpenResult> {
  // Only failures count, so a lawyer reading the file many times is never slowed down.
  if (!(await consume("shareToken", clientHash))) return { kind: "rate_limited", retryAfterSeconds: await retryAfter("shareToken", clientHash) };
  return { kind: "invalid" };
}

/**
 * Decides what a request for /s/<token> gets, logs the attempt, and counts an opening.
 * An unknown, expired and revoked link are answered alike, so a response tells nothing
 * about whether a case behind it exists.
 */
export async function openShareLink(
  token: string,
  client: { address: string; passcodeCookie?: string | null; passcode?: string | null },
  now = new Date(),
): Promise<OpenResult> {
  const clientHash = hashClient(client.address);
  const wait = await retryAfter("shareToken", clientHash);
  if (wait > 0) return { kind: "rate_limited", retryAfterSeconds: wait };

  const link = await findLinkByToken(token);
  if (!link) return refused(clientHash);
  if (linkState(link, now) !== "active") return { kind: "invalid" };

  if (link.passcodeHash && !passcodeCookieValid(link, client.passcodeCookie, now)) {
    if (client.passcode === undefined || client.passcode === null) {
      await logAccess(link.id, clientHash, "passcode_required", now, false);
      return { kind: "passcode_required", wrongPasscode: false };
    }
    if (!(await verifyPassword(client.passcode, link.passcodeHash))) {
      await logAccess(link.id, clientHash, "bad_passcode", now, false);
      const r = await refused(clientHash);
      return r.kind === "rate_limited" ? r : { kind: "passcode_required", wrongPasscode: true };
    }
  }
  await logAccess(link.id, clientHash, "ok", now, true);
  return { kind: "ok", link };
}

export function scopeOf(link: { sections: string; includePersonal: boolean }): CaseFileScope {
  return { sections: parseSections(link.sections), includePersonal: link.includePersonal, includeNotes: false };
}

/**
 * The case behind a link, as its own group sees it, cut down to the link's scope. The
 * stand-in actor is a reader of the owning group only and never leaves this function.
 */
export async function loadSharedCaseFile(link: { applicationId: string; groupId: string; sections: string; includePersonal: boolean }, locale: Locale, now = new Date()): Promise<CaseFile> {
  const reader: Actor = {
    userId: "share-link",
    name: "share link",
    email: "",
    isOperator: false,
    memberships: [{ groupId: link.groupId, role: "viewer", groupName: "", groupSlug: "" }],
  };
  const scope = scopeOf(link);
  // The same rule as every reader (lib/data/visibility.ts): the sharer's choice of personal
  // data, never the group's notes or history.
  const reading = { locale, withholdPersonal: !scope.includePersonal, withholdInternal: !scope.includeNotes };
  const [data, standards] = await Promise.all([getCase(reader, link.applicationId, reading), listLegalStandards()]);
  return buildCaseFile(data, scope, locale, standards, now);
}
