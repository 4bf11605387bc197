"use client";
// A POST to a server action (works without JavaScript); it ends the session on every device.
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/actions/auth";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <form action={signOutAction} className="inline">
      <button type="submit" title={t("signOutHint")} className="text-stone-700 underline-offset-2 hover:underline">
        {t("signOut")}
      </button>
    </form>
  );
}
