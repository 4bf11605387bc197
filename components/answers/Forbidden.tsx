import { useTranslations } from "next-intl";

export function Forbidden() {
  const t = useTranslations("errors");
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {t("forbidden")}
    </p>
  );
}
