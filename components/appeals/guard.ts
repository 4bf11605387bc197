import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * Runs a page's read: a record that is not the caller's is a 404, decided here in the page;
 * a member whose role is too small gets `forbidden` so the page can say why.
 */
export async function loadForPage<T>(read: () => Promise<T>): Promise<{ value: T; forbidden: false } | { value: null; forbidden: true }> {
  try {
    return { value: await read(), forbidden: false };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) return { value: null, forbidden: true };
    throw e;
  }
}
