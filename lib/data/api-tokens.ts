import "server-only";
// Personal API tokens: a random secret shown once, stored only as its SHA-256 hash. A token
// acts as its user, so it sees what the user's groups see, and nothing once revoked.
import crypto from "node:crypto";
import { db } from "../db";
import type { Actor } from "../auth/access";
import { AppError, NotFoundError } from "../errors";
import { logChange } from "./audit";

export const TOKEN_PREFIX = "apt_";
/** Enough for every script and integration a person runs; more suggests tokens left lying around. */
export const MAX_ACTIVE_TOKENS = 20;

/** What a token may do: read what its user may read; export a group's data (with personal fields where the role allows). */
export const TOKEN_SCOPES = ["read", "export"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** Days a token works, chosen at creation. */
export const TOKEN_LIFETIMES = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_DAYS = 90;
const DAY_MS = 86_400_000;

/** When a token stops working: its own expiry, or for a token made before expiry existed, 90 days after creation. */
export function tokenExpiry(t: { createdAt: Date; expiresAt: Date | null }): Date {
  return t.expiresAt ?? new Date(t.createdAt.getTime() + DEFAULT_TOKEN_DAYS * DAY_MS);
}

export function parseScopes(s: string): TokenScope[] {
  return TOKEN_SCOPES.filter((x) => s.split(",").map((p) => p.trim()).includes(x));
}

export function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function listApiTokens(actor: Actor) {
  return db.apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true, scopes: true },
  });
}

/** Creates a token; the plain secret is returned here and never again. */
export async function createApiToken(
  actor: Actor,
  name: string,
  options: { days?: number; scopes?: readonly TokenScope[] } = {},
  now = new Date(),
): Promise<{ id: string; name: string; token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + (options.days ?? DEFAULT_TOKEN_DAYS) * DAY_MS);
  const scopes = TOKEN_SCOPES.filter((s) => s === "read" || (options.scopes ?? []).includes(s)).join(",");
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) throw new AppError("invalid", "too_many_tokens");
    const created = await tx.apiToken.create({ data: { userId: actor.userId, name, tokenHash: hashToken(token), createdAt: now, expiresAt, scopes } });
    await logChange(tx, actor, { entity: "ApiToken", entityId: created.id, action: "create", after: { name, userId: actor.userId, scopes, expiresAt: expiresAt.toISOString() } });
    return { id: created.id, name, token, expiresAt };
  });
}

/** Revokes one of the actor's own tokens; anyone else's is "not found". */
export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, userId: actor.userId } });
    if (!token) throw new NotFoundError();
    if (token.revokedAt) return;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id }, data: { revokedAt } });
    await logChange(tx, actor, { entity: "ApiToken", entityId: id, action: "update", before: { revokedAt: null }, after: { revokedAt: revokedAt.toISOString() } });
  });
}

/** The token a presented secret stands for, if it exists, is not revoked or expired, and its user's account is not locked. */
export async function findActiveToken(secret: string, now = new Date()) {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true, createdAt: true, expiresAt: true, scopes: true, user: { select: { lockedAt: true } } },
  });
  if (!token || token.revokedAt || token.user.lockedAt || tokenExpiry(token) <= now) return null;
  return { id: token.id, userId: token.userId, lastUsedAt: token.lastUsedAt, scopes: parseScopes(token.scopes) };
}

/** Records use at most once a minute, so a busy client does not write on every call. */
export async function markTokenUsed(token: { id: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
}
