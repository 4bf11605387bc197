import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations("auth");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an open redirect would hand a phishing page our sign-in.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard";
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("signIn")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("signInHelp")}</p>
      <SignInForm callbackUrl={target} />
    </div>
  );
}
