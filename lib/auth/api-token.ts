import "server-only";
// Who is calling the API: nobody (public records only) or the user behind a personal token.
import type { Actor } from "./access";
import { loadActor } from "../data/users";
import { findActiveToken, markTokenUsed, type TokenScope } from "../data/api-tokens";
import { AppError } from "../errors";

export interface ApiCaller {
  actor: Actor | null;
  tokenId: string | null;
  /** What the token may do; null for a caller without a token (a browser session or nobody). */
  scopes: TokenScope[] | null;
}

/**
 * Resolves `Authorization: Bearer apt_…`. No header: an anonymous caller. A header that is
 * malformed, unknown, revoked, expired, whose user is gone or locked: "unauthenticated" (401), never a silent
 * downgrade to anonymous, so a client notices its token stopped working.
 */
export async function resolveApiCaller(req: Request): Promise<ApiCaller> {
  const header = req.headers.get("authorization");
  if (!header) return { actor: null, tokenId: null, scopes: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthenticated", "malformed_authorization");
  const token = await findActiveToken(match[1]);
  if (!token) throw new AppError("unauthenticated", "bad_token");
  const actor = await loadActor(token.userId);
  if (!actor) throw new AppError("unauthenticated", "bad_token");
  await markTokenUsed(token);
  return { actor, tokenId: token.id, scopes: token.scopes };
}
