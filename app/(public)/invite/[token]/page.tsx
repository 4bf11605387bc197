import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { findInvitation, isInvitedEmail } from "@/lib/data/invitations";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { AcceptInvitationForm, JoinGroupForm } from "@/components/settings/InvitationForms";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.accept");
  // The link is a secret: keep it out of search engines and other sites. ("same-origin", not
  // "no-referrer": the page's forms must post with their Origin, or Next.js refuses them.)
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tr, actor] = await Promise.all([getTranslations("settings.accept"), getTranslations("vocab.role"), getActor()]);
  const inv = token.length >= 20 && token.length <= 200 ? await findInvitation(token) : { status: "unknown" as const };
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      {inv.status !== "valid" ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(`status.${inv.status}`)}
        </p>
      ) : (
        <>
          <p className="mb-6 text-sm text-stone-700">{t("intro", { group: inv.groupName, role: tr(inv.role) })}</p>
          {actor && !isInvitedEmail(inv.email, actor.email) ? (
            // Only the invited address may accept: say so, and offer to sign out.
            <div className="space-y-3">
              <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("otherEmail", { invited: inv.email, email: actor.email })}
              </p>
              <SignOutButton />
            </div>
          ) : actor ? (
            <div className="space-y-3">
              <p className="text-sm">{t("signedInAs", { name: actor.name, email: actor.email })}</p>
              {actor.memberships.some((m) => m.groupName === inv.groupName) ? <p className="text-sm text-stone-700">{t("maybeMember")}</p> : null}
              <ClientMessages namespaces={["settings"]}>
                <JoinGroupForm token={token} />
              </ClientMessages>
            </div>
          ) : inv.accountExists ? (
            <p className="text-sm">
              {t("accountExists", { email: inv.email })} <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>{t("signInToJoin")}</Link>
            </p>
          ) : (
            <>
              <p className="mb-4 text-sm text-stone-700">{t("newAccount", { email: inv.email })}</p>
              <ClientMessages namespaces={["settings"]}>
                <AcceptInvitationForm token={token} email={inv.email} />
              </ClientMessages>
              <p className="mt-4 text-xs text-stone-600">{t("onlyInvitedEmail", { email: inv.email })}</p>
            </>
          )}
        </>
      )}
    </div>
  );
}
