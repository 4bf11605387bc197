import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { NewPasswordForm } from "@/components/accounts/PasswordResetForms";
import { RESET_COOKIE } from "@/lib/accounts/link-cookie";
import { resetTokenUser } from "@/lib/data/accounts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.reset");
  return { title: t("newTitle") };
}

export const dynamic = "force-dynamic";

/** Reached from the reset link's route, with the token in a cookie (never in this URL). */
export default async function NewPasswordPage() {
  const t = await getTranslations("accounts.reset");
  const token = (await cookies()).get(RESET_COOKIE.name)?.value ?? "";
  const user = token ? await resetTokenUser(token) : null;
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      {user ? (
        <>
          <p className="text-sm text-stone-600" data-testid="reset-for">{t("newFor", { email: user.email })}</p>
          <ClientMessages namespaces={["accounts"]}>
            <NewPasswordForm />
          </ClientMessages>
        </>
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("invalid")}
        </p>
      )}
      <p className="text-sm">
        <Link href="/password-reset">{t("again")}</Link>
      </p>
    </div>
  );
}
