import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { NavFold } from "./NavFold";
import { HeaderSearch } from "@/components/search/HeaderSearch";

export async function SiteHeader() {
  const [t, ts, tp, actor, locale] = await Promise.all([getTranslations("nav"), getTranslations("settings.security"), getTranslations("phone"), getActor(), getLocale()]);
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
        {/* On a phone every section is one tap away behind "Menu" (it used to scroll out of sight). */}
        <NavFold label={tp("menu")} className="order-3 w-full sm:order-none sm:w-auto">
          <nav aria-label={t("main")} className="mt-2 sm:mt-0">
            <ul className="flex flex-col gap-1 text-sm sm:flex-row sm:gap-4">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="block py-1.5 text-stone-700 no-underline hover:text-brand-700 sm:inline sm:py-0">
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </NavFold>
        {/* On a phone the search takes a row of its own: the header never runs wider than the screen. */}
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2 text-sm">
          <HeaderSearch />
          <LanguageSwitch current={locale} />
          {actor ? (
            <>
              <Link href="/settings" className="max-w-[10rem] truncate text-stone-700 no-underline" title={actor.email}>
                {actor.name}
              </Link>
              <SignOutButton confirmDrafts={tp("drafts.signOut")} />
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
