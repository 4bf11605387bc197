import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="py-12">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("notFoundText")}</p>
      <Link href="/" className="mt-4 inline-block">{t("home")}</Link>
    </div>
  );
}
