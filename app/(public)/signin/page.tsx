import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; created?: string }> }) {
  const t = await getTranslations("auth");
  const { callbackUrl, created } = await searchParams;
  // Only same-site paths: an open redirect would hand a phishing page our sign-in.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard";
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("signIn")}</h1>
      {created ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("accountCreated")}
        </p>
      ) : null}
      <p className="mb-6 text-sm text-stone-600">{t("signInHelp")}</p>
      <ClientMessages namespaces={["auth"]}>
        <SignInForm callbackUrl={target} />
      </ClientMessages>
    </div>
  );
}
