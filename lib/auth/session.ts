import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie } from "./cookies";
import { actorForSessionToken } from "./session-token";
import type { Actor } from "./access";
import { AppError } from "../errors";

/**
 * The caller, or null for an anonymous visitor (or an ended session). Once per request. The
 * cookie is the one next-auth writes (never chunked: our claims are far below its 4 KB limit).
 */
export const getActor = cache(async (): Promise<Actor | null> => actorForSessionToken((await cookies()).get(sessionCookie().name)?.value));

/** For pages: sends an anonymous visitor to sign in. */
export async function requirePageActor(callbackUrl = "/dashboard"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return actor;
}

/** For actions: an anonymous caller gets an error, not a redirect. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}
