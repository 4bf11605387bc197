"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="text-stone-700 underline-offset-2 hover:underline">
      {t("signOut")}
    </button>
  );
}
