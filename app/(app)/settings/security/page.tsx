import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { securityOverview } from "@/lib/data/two-factor";
import { totpQrDataUri } from "@/lib/auth/totp";
import { PageHeader } from "@/components/ui/PageHeader";
import { Badge, Card } from "@/components/ui/Card";
import { DisableTwoFactorForm, StartTwoFactorForm, TwoFactorPanel } from "@/components/settings/security/TwoFactorForms";
import { ChangePasswordForm } from "@/components/settings/security/ChangePasswordForm";
import { GroupTwoFactorForm } from "@/components/settings/security/GroupTwoFactorForm";
import { DeleteAccountForm, LeaveGroupForm, LockAccountForm, RevokeSessionForm, SignOutEverywhereForm } from "@/components/accounts/SecurityForms";
import { listSessions } from "@/lib/data/sessions";
import { currentSessionId } from "@/lib/auth/issue-session";
import { listPasskeys } from "@/lib/data/passkeys";
import { PasskeysCard } from "@/components/passkeys/PasskeysCard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.security");
  return { title: t("title") };
}

// Never cached: the enrolment secret is for this member's eyes only, this once.
export const dynamic = "force-dynamic";

export default async function SecuritySettingsPage() {
  const actor = await requirePageActor("/settings/security");
  const [t, ta, format, overview, sessions] = await Promise.all([
    getTranslations("settings.security"),
    getTranslations("accounts"),
    getFormatter(),
    securityOverview(actor),
    currentSessionId().then((current) => listSessions(actor, current)),
  ]);
  const passkeys = overview.enabledAt ? await listPasskeys(actor.userId) : [];
  const qr = overview.pendingSecret ? await totpQrDataUri(overview.pendingSecret, overview.email) : null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <p className="text-sm">
        <Link href="/settings">{t("back")}</Link>
      </p>
      {overview.requiredBy.length > 0 ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="two-factor-required">
          {t("requiredBy", { groups: overview.requiredBy.join(", ") })}
        </p>
      ) : null}

      <Card id="last-sign-in" title={t("lastSignIn")}>
        <p className="text-sm" data-testid="last-sign-in">{overview.lastSignInAt ? when(overview.lastSignInAt) : t("lastSignInNever")}</p>
        <p className="mt-1 text-xs text-stone-600">{t("lastSignInNote")}</p>
      </Card>

      <Card id="sessions" title={ta("sessions.title")}>
        <p className="mb-3 text-sm text-stone-600">{ta("sessions.explain")}</p>
        <ul className="divide-y divide-stone-100" data-testid="sessions">
          {sessions.map((s) => {
            const label = [s.browser, s.os].filter(Boolean).join(" · ") || ta("sessions.unknown");
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm" data-testid="session">
                <div>
                  <p className="font-medium">
                    {label} {s.current ? <Badge tone="green">{ta("sessions.current")}</Badge> : null}
                  </p>
                  <p className="text-xs text-stone-600">{ta("sessions.times", { created: when(s.createdAt), seen: when(s.lastSeenAt) })}</p>
                </div>
                <RevokeSessionForm sessionId={s.id} label={label} />
              </li>
            );
          })}
        </ul>
        <div className="mt-3">
          <SignOutEverywhereForm />
        </div>
      </Card>

      <Card id="two-factor" title={t("twoFactor")} actions={overview.enabledAt ? <Badge tone="green">{t("on")}</Badge> : <Badge>{t("off")}</Badge>}>
        <TwoFactorPanel enrolling={Boolean(overview.pendingSecret)} after={overview.pendingSecret ? <StartTwoFactorForm restart /> : null}>
          {overview.enabledAt ? (
            <>
              <p className="text-sm">{t("onSince", { date: when(overview.enabledAt) })}</p>
              <p className="text-sm">{t("recoveryLeft", { count: overview.recoveryCodesLeft })}</p>
              <DisableTwoFactorForm />
            </>
          ) : overview.pendingSecret && qr ? (
            <>
              <p className="text-sm">{t("scan")}</p>
              {/* eslint-disable-next-line @next/next/no-img-element -- a data URI drawn on the server */}
              <img src={qr} alt={t("qrAlt")} width={200} height={200} className="rounded border border-stone-200" />
              <p className="text-sm">
                {t("secretText")} <code className="select-all break-all rounded bg-stone-100 px-1 font-mono" data-testid="totp-secret">{overview.pendingSecret}</code>
              </p>
            </>
          ) : (
            <>
              <p className="text-sm">{t("explain")}</p>
              <StartTwoFactorForm />
            </>
          )}
        </TwoFactorPanel>
      </Card>

      <PasskeysCard twoFactorOn={Boolean(overview.enabledAt)} passkeys={passkeys} />

      <Card id="password" title={t("password")}>
        <p className="mb-3 text-sm text-stone-600">{t("passwordExplain")}</p>
        <ChangePasswordForm />
      </Card>

      <Card id="lock" title={ta("lock.title")}>
        <p className="mb-3 text-sm text-stone-600">{ta("lock.intro")}</p>
        <LockAccountForm />
      </Card>

      {actor.memberships.length > 0 ? (
        <Card id="leave" title={ta("leave.title")}>
          <p className="mb-3 text-sm text-stone-600">{ta("leave.explain")}</p>
          <div className="space-y-2">
            {actor.memberships.map((m) => (
              <LeaveGroupForm key={m.groupId} groupId={m.groupId} groupName={m.groupName} />
            ))}
          </div>
        </Card>
      ) : null}

      <Card id="delete-account" title={ta("delete.title")}>
        <DeleteAccountForm twoFactor={Boolean(overview.enabledAt)} />
      </Card>

      {overview.adminGroups.length > 0 ? (
        <Card id="group-two-factor" title={t("groupTitle")}>
          <p className="mb-3 text-sm text-stone-600">{overview.enabledAt ? t("groupExplain") : t("groupEnrolFirst")}</p>
          <div className="space-y-4">
            {overview.adminGroups.map((g) => (
              <GroupTwoFactorForm key={g.id} groupId={g.id} groupName={g.name} required={g.requireTwoFactor} />
            ))}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
