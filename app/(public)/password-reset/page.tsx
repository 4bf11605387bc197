import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { RequestResetForm } from "@/components/accounts/PasswordResetForms";
import { mailEnabled } from "@/lib/mail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.reset");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

export default async function PasswordResetPage() {
  const t = await getTranslations("accounts.reset");
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {/* Said of the server, not of any account: tells nobody whether an email is registered. */}
      <p className="text-sm text-stone-600">{mailEnabled() ? t("explain") : t("noMail")}</p>
      {mailEnabled() ? (
        <ClientMessages namespaces={["accounts"]}>
          <RequestResetForm />
        </ClientMessages>
      ) : null}
      <p className="text-sm">
        <Link href="/signin">{t("back")}</Link>
      </p>
    </div>
  );
}
