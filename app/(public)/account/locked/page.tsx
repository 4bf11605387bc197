import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.lock");
  return { title: t("doneTitle") };
}

export default async function LockedPage() {
  const t = await getTranslations("accounts.lock");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("doneTitle")}</h1>
      <p role="status" className="text-sm">{t("done")}</p>
      <p className="text-sm">
        <Link href="/password-reset">{t("reset")}</Link>
      </p>
    </div>
  );
}
