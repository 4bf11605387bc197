"use client";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { setLocaleAction } from "@/lib/actions/locale";
import { LOCALES } from "@/lib/i18n/config";

export function LanguageSwitch({ current }: { current: string }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-1">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={current}
        disabled={pending}
        onChange={(e) => {
          const locale = e.target.value;
          start(async () => {
            await setLocaleAction(locale);
            router.refresh();
          });
        }}
        className="rounded border border-stone-300 bg-white px-1 py-0.5 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`locale_${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
