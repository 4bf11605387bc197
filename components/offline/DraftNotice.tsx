"use client";
// What a create form says about drafts: that they are kept on this device unencrypted, and where
// the one in the form stands (kept offline, being sent, refused and waiting for a fix).
import { useFormatter, useTranslations } from "next-intl";
import type { DraftInfo } from "./useDraftForm";

export function DraftNotice({ draft }: { draft: DraftInfo }) {
  const t = useTranslations("phone.drafts");
  const format = useFormatter();
  const time = draft.savedAt ? format.dateTime(new Date(draft.savedAt), { dateStyle: "medium", timeStyle: "short" }) : "";
  const status = draft.keptOffline && draft.status === "waiting" ? t("kept", { time }) : draft.status === "sending" ? t("sending") : draft.status === "fix" ? t("fix", { time }) : draft.status === "waiting" ? t("restored", { time }) : null;
  return (
    <div data-testid="draft-notice" className="space-y-2">
      <input type="hidden" name="clientKey" value={draft.clientKey} />
      {status ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>{status}</span>
          {draft.status !== "sending" ? (
            <button type="button" onClick={draft.discard} className="underline underline-offset-2">
              {t("discard")}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="text-xs text-stone-600">{t("hint")}</p>
      )}
    </div>
  );
}
