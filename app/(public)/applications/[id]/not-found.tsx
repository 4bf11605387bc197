import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function CaseNotFound() {
  const t = await getTranslations("cases.notFound");
  return (
    <div className="py-12">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-stone-700">{t("text")}</p>
      <Link href="/applications" className="mt-4 inline-block">
        {t("back")}
      </Link>
    </div>
  );
}
