import { useTranslations } from "next-intl";

/** Shown to a member whose role does not allow the page's change. */
export function Forbidden() {
  const t = useTranslations("errors");
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {t("forbidden")}
    </p>
  );
}
