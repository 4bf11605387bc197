import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { safeCallbackPath } from "@/lib/auth/redirect";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; created?: string; error?: string | string[]; reset?: string; everywhere?: string }> }) {
  const t = await getTranslations("auth");
  const { callbackUrl, created, error, reset, everywhere } = await searchParams;
  const ta = await getTranslations("accounts");
  // Only paths on this site: an open redirect would hand a phishing page our sign-in.
  const target = safeCallbackPath(callbackUrl);
  // A failure reported by next-auth's own sign-in endpoint (the form itself posts to an action).
  const reported = typeof error === "string" && error ? (error === "rate_limited" ? "rateLimited" : "failed") : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("signIn")}</h1>
      {created ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("accountCreated")}
        </p>
      ) : null}
      {reset || everywhere ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {reset ? ta("reset.done") : ta("sessions.everywhereDone")}
        </p>
      ) : null}
      <p className="mb-6 text-sm text-stone-600">{t("signInHelp")}</p>
      <ClientMessages namespaces={["auth"]}>
        <SignInForm callbackUrl={target} error={reported} />
      </ClientMessages>
      <p className="mt-4 text-sm">
        <Link href="/password-reset">{ta("reset.forgot")}</Link>
      </p>
    </div>
  );
}
