import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { LockByLinkForm } from "@/components/accounts/PasswordResetForms";
import { LOCK_COOKIE } from "@/lib/accounts/link-cookie";
import { decodeLockToken } from "@/lib/accounts/panic-token";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.lock");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

/** The email's "lock my account" link lands here (token in a cookie): one button POSTs it. */
export default async function LockConfirmPage() {
  const t = await getTranslations("accounts.lock");
  const valid = Boolean(await decodeLockToken((await cookies()).get(LOCK_COOKIE.name)?.value));
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {valid ? (
        <>
          <p className="text-sm">{t("explain")}</p>
          <ClientMessages namespaces={["accounts"]}>
            <LockByLinkForm />
          </ClientMessages>
        </>
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("invalid")}
        </p>
      )}
    </div>
  );
}
