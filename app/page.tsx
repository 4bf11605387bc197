import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { buttonLink, secondaryLink } from "@/components/ui/PageHeader";

export default async function HomePage() {
  const [t, actor] = await Promise.all([getTranslations("home"), getActor()]);
  return (
    <div className="max-w-3xl space-y-6 py-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-lg text-stone-700">{t("lead")}</p>
      <ul className="list-disc space-y-1 pl-6 text-stone-700">
        <li>{t("point1")}</li>
        <li>{t("point2")}</li>
        <li>{t("point3")}</li>
        <li>{t("point4")}</li>
      </ul>
      <div className="flex flex-wrap gap-3">
        <Link href="/applications" className={buttonLink}>{t("browse")}</Link>
        <Link href="/stats" className={secondaryLink}>{t("stats")}</Link>
        {actor ? <Link href="/dashboard" className={secondaryLink}>{t("dashboard")}</Link> : <Link href="/signin" className={secondaryLink}>{t("signIn")}</Link>}
      </div>
    </div>
  );
}
