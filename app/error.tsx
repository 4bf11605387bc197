"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="py-12" role="alert">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("errorText")}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md border border-stone-300 px-4 py-2">{t("tryAgain")}</button>
    </div>
  );
}
