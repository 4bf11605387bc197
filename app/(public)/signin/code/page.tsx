import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInCodeForm } from "@/components/auth/SignInCodeForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { decodePendingSignIn, pendingSignInCookie } from "@/lib/auth/pending-sign-in";
import { PasskeySignIn } from "@/components/passkeys/PasskeySignIn";
import { passkeyCount } from "@/lib/data/passkeys";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("codeTitle") };
}

export const dynamic = "force-dynamic";

/** Reached only with a pending sign-in (a correct password a moment ago); otherwise back to the first step. */
export default async function SignInCodePage() {
  const t = await getTranslations("auth");
  const pending = await decodePendingSignIn((await cookies()).get(pendingSignInCookie(false).name)?.value);
  if (!pending) redirect("/signin");
  const hasPasskey = (await passkeyCount(pending.userId)) > 0;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("codeTitle")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("codeHelp")}</p>
      <ClientMessages namespaces={["auth", "passkeys"]}>
        <SignInCodeForm />
        {hasPasskey ? <PasskeySignIn /> : null}
      </ClientMessages>
      <p className="mt-6 text-sm">
        <Link href="/signin">{t("startOver")}</Link>
      </p>
    </div>
  );
}
