"use client";
// A POST to a server action (works without JavaScript); it ends the session on every device.
// With JavaScript it also clears this device: the pages kept for offline reading and any
// unsent drafts (asking first when there are some), so the next person here finds none of them.
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/actions/auth";
import { forgetThisDevice, listDrafts } from "@/lib/offline/drafts";

export function SignOutButton({ confirmDrafts }: { confirmDrafts?: string }) {
  const t = useTranslations("nav");
  return (
    <form
      action={signOutAction}
      className="inline"
      onSubmit={(e) => {
        if (confirmDrafts && listDrafts().length > 0 && !window.confirm(confirmDrafts)) {
          e.preventDefault();
          return;
        }
        void forgetThisDevice();
      }}
    >
      <button type="submit" title={t("signOutHint")} className="text-stone-700 underline-offset-2 hover:underline">
        {t("signOut")}
      </button>
    </form>
  );
}
