import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { HeaderSearch } from "@/components/search/HeaderSearch";

export async function SiteHeader() {
  const [t, ts, actor, locale] = await Promise.all([getTranslations("nav"), getTranslations("settings.security"), getActor(), getLocale()]);
  const heldBack = actor?.twoFactorRequiredBy ?? [];
  const links = [
    ...(actor ? [{ href: "/dashboard", label: t("dashboard") }] : []),
    { href: "/applications", label: t("applications") },
    { href: "/appeals", label: t("appeals") },
    { href: "/incidents", label: t("incidents") },
    { href: "/stats", label: t("stats") },
    { href: "/sources", label: t("sources") },
  ];
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-semibold text-brand-800 no-underline">
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="order-3 w-full overflow-x-auto sm:order-none sm:w-auto">
          <ul className="flex gap-4 text-sm">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-stone-700 no-underline hover:text-brand-700">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <HeaderSearch />
          <LanguageSwitch current={locale} />
          {actor ? (
            <>
              <Link href="/settings" className="text-stone-700 no-underline" title={actor.email}>
                {actor.name}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin">{t("signIn")}</Link>
          )}
        </div>
      </div>
      {heldBack.length > 0 ? (
        // A group that requires two factors is hidden from a member without them: say why, and where to fix it.
        <p role="status" className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-900" data-testid="two-factor-required-banner">
          {ts("requiredBy", { groups: heldBack.join(", ") })} <Link href="/settings/security">{ts("enrolNow")}</Link>
        </p>
      ) : null}
    </header>
  );
}
