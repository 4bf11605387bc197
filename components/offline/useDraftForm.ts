"use client";
// A create form that keeps working without a connection: submitted offline, what was typed is
// kept as a draft on this device (lib/offline/drafts) and sent through the same server action
// when the connection returns — same validation, same conflict rules, and a submission key so
// that it is saved once however often it is sent. A refusal shows in the form like any other;
// the draft is deleted only once the server has saved it (its redirect).
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { formToObject } from "@/lib/validation/form-data";
import { deleteDraft, draftFields, findDraft, newSubmissionKey, saveDraft, setDraftStatus, toFormData, type Draft, type DraftKind } from "@/lib/offline/drafts";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export interface DraftInfo {
  /** Goes into the form as the hidden `clientKey` field. */
  clientKey: string;
  /** When the draft now in the form was saved on this device; null when there is none. */
  savedAt: string | null;
  status: Draft["status"] | null;
  /** The last submission could not reach the server and was kept. */
  keptOffline: boolean;
  /** Being sent (its submit button shows it). */
  pending: boolean;
  discard: () => void;
}

const RESTORE = "__draft_restore";

function isRedirect(e: unknown): boolean {
  const digest = (e as { digest?: unknown })?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

function offline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/**
 * useActionState for a create form, with drafts. `owner` is the signed-in member (a draft is
 * theirs only); `serverKey` is the key the page rendered, used until the browser makes its own.
 * The form keeps the server action as its `action` (so it posts before JavaScript loads); once
 * JavaScript runs, `onSubmit` takes the submission through the draft-keeping wrapper instead.
 */
export function useDraftForm(
  kind: DraftKind,
  owner: string | null,
  action: Action,
  serverKey: string,
): [FormState, (fd: FormData) => void, DraftInfo | null, ((e: FormEvent<HTMLFormElement>) => void) | undefined] {
  const [serverState, serverAction] = useActionState(action, initialFormState);
  // Without an owner (an edit form) it is plain useActionState.
  const enabled = owner !== null;

  const [clientKey, setClientKey] = useState(serverKey);
  const [draft, setDraft] = useState<Pick<Draft, "savedAt" | "status"> | null>(null);
  const [keptOffline, setKeptOffline] = useState(false);

  const keep = useCallback(
    (fd: FormData, key: string): FormState => {
      if (owner === null) return { ok: false };
      const savedAt = new Date().toISOString();
      saveDraft({ key, kind, owner, path: window.location.pathname + window.location.search, savedAt, status: "waiting", fields: draftFields(fd) });
      setDraft({ savedAt, status: "waiting" });
      setKeptOffline(true);
      // The form is remounted with what was typed (as after any refusal), nothing is lost.
      return { ok: false, data: { values: formToObject(fd), submittedAt: Date.now() } };
    },
    [kind, owner],
  );

  const draftable = useCallback(
    async (prev: FormState, fd: FormData): Promise<FormState> => {
      const key = String(fd.get("clientKey") ?? "");
      if (fd.get(RESTORE)) {
        fd.delete(RESTORE);
        return { ok: false, data: { values: formToObject(fd), submittedAt: Date.now() } };
      }
      if (offline()) return keep(fd, key);
      const stored = owner === null ? undefined : findDraft(kind, owner);
      if (stored?.key === key) {
        setDraftStatus(key, "sending");
        setDraft({ savedAt: stored.savedAt, status: "sending" });
      }
      try {
        const result = await action(prev, fd);
        if (stored?.key === key) {
          // Refused (a field to fix, a conflict): kept until it is saved, shown in the form.
          setDraftStatus(key, "fix");
          setDraft({ savedAt: stored.savedAt, status: "fix" });
        }
        setKeptOffline(false);
        return result;
      } catch (e) {
        if (isRedirect(e)) {
          // Saved: the server answered with the new record's page.
          deleteDraft(key);
          throw e;
        }
        // The connection went while sending: keep it, to send again with the same key.
        if (offline() || e instanceof TypeError) return keep(fd, key);
        throw e;
      }
    },
    [action, keep, kind, owner],
  );

  const [draftState, formAction, pending] = useActionState(draftable, initialFormState);
  // Before JavaScript (or after a post without it) the server's answer; then the wrapper's.
  const state = draftState === initialFormState ? serverState : draftState;
  const onSubmit = useCallback(
    (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const fd = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
      // After the event: a transition begun inside it would make React run the form's own action too.
      queueMicrotask(() => startTransition(() => formAction(fd)));
    },
    [formAction],
  );
  const sent = useRef(false);

  // On opening the form: a draft kept here comes back into it, and is sent if the connection is there.
  useEffect(() => {
    if (owner === null) return;
    const stored = findDraft(kind, owner);
    if (!stored) {
      setClientKey(newSubmissionKey());
      return;
    }
    setClientKey(stored.key);
    setDraft({ savedAt: stored.savedAt, status: stored.status });
    const fields = stored.fields.filter(([name]) => name !== "clientKey");
    const send = () => {
      if (sent.current || offline()) return;
      const current = findDraft(kind, owner as string);
      if (!current) return;
      sent.current = true;
      startTransition(() => formAction(toFormData([...current.fields.filter(([name]) => name !== "clientKey"), ["clientKey", current.key]])));
    };
    startTransition(() => formAction(toFormData([...fields, ["clientKey", stored.key], [RESTORE, "1"]])));
    send();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
    // Once per opening of the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Typed offline while the form was open: sent as soon as the connection is back.
  useEffect(() => {
    if (!keptOffline || owner === null) return;
    const send = () => {
      const current = findDraft(kind, owner);
      if (!current || current.status !== "waiting") return;
      startTransition(() => formAction(toFormData([...current.fields.filter(([name]) => name !== "clientKey"), ["clientKey", current.key]])));
    };
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [keptOffline, kind, owner, formAction]);

  const discard = useCallback(() => {
    deleteDraft(clientKey);
    setDraft(null);
    setKeptOffline(false);
    setClientKey(newSubmissionKey());
  }, [clientKey]);

  if (!enabled) return [serverState, serverAction, null, undefined];
  return [state, serverAction, { clientKey, savedAt: draft?.savedAt ?? null, status: draft?.status ?? null, keptOffline, pending, discard }, onSubmit];
}
