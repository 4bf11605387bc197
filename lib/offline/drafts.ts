// Drafts of new records typed without a connection, kept in this browser's localStorage until
// they are sent. Not encrypted (the form says so); each is tied to the member who typed it, so
// another account signed in on the same device never sends it, and sign-out deletes them all.
// Browser-only: every function is a no-op where there is no window.

export type DraftKind = "incident" | "application";

export interface Draft {
  /** The submission key: sent with the form, so that sending it twice saves it once. */
  key: string;
  kind: DraftKind;
  owner: string;
  /** The page the form is on, to come back to it. */
  path: string;
  savedAt: string;
  /** waiting: not sent yet; sending: sent, no answer yet; fix: the server refused it, the form shows why. */
  status: "waiting" | "sending" | "fix";
  fields: [string, string][];
}

const STORE = "tracker.drafts.v1";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function listDrafts(): Draft[] {
  const raw = storage()?.getItem(STORE);
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list as Draft[]).filter((d) => d && typeof d.key === "string" && Array.isArray(d.fields)) : [];
  } catch {
    return [];
  }
}

function write(list: Draft[]) {
  const s = storage();
  if (!s) return;
  if (list.length) s.setItem(STORE, JSON.stringify(list));
  else s.removeItem(STORE);
  window.dispatchEvent(new Event("tracker-drafts"));
}

export function findDraft(kind: DraftKind, owner: string): Draft | undefined {
  return listDrafts().find((d) => d.kind === kind && d.owner === owner);
}

/** One draft per form and member: saving again replaces it. */
export function saveDraft(draft: Draft) {
  write([...listDrafts().filter((d) => d.key !== draft.key && !(d.kind === draft.kind && d.owner === draft.owner)), draft]);
}

export function setDraftStatus(key: string, status: Draft["status"]) {
  write(listDrafts().map((d) => (d.key === key ? { ...d, status } : d)));
}

export function deleteDraft(key: string) {
  write(listDrafts().filter((d) => d.key !== key));
}

export function deleteAllDrafts() {
  write([]);
}

/** The form's text fields (a draft never holds a file). */
export function draftFields(fd: FormData): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of fd.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) out.push([name, value]);
  return out;
}

export function toFormData(fields: [string, string][]): FormData {
  const fd = new FormData();
  for (const [name, value] of fields) fd.append(name, value);
  return fd;
}

/** A fresh random key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newSubmissionKey(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The pages this browser keeps for reading offline (the service worker's cache; lib/offline/sw.ts). */
export const PAGE_CACHE = "tracker-pages";

/** Sign-out: nothing a member read or typed stays on the device for the next person. */
export async function forgetThisDevice(): Promise<void> {
  deleteAllDrafts();
  // The worker may be fetching a page to keep right now: it drops it (lib/offline/sw.ts).
  if (typeof navigator !== "undefined") navigator.serviceWorker?.controller?.postMessage({ type: "forget" });
  if (typeof caches !== "undefined") {
    for (const name of await caches.keys()) if (name.startsWith("tracker-")) await caches.delete(name);
  }
}
