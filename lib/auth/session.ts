import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { loadActor } from "../data/users";
import type { Actor } from "./access";
import { AppError } from "../errors";

/** The caller, or null for an anonymous visitor. Once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadActor(id) : null;
});

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
