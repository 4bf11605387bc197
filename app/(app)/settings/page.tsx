import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { isOperator } from "@/lib/data/settings";
import { getReminderOffsets } from "@/lib/data/reminder-preferences";
import { mailEnabled } from "@/lib/mail";
import { ReminderForm } from "@/components/settings/ReminderForm";
import { getChannelPreferences } from "@/lib/data/notify-preferences";
import { telegramEnabled } from "@/lib/telegram";
import { ChannelsForm } from "@/components/notify/ChannelsForm";
import { TelegramLink } from "@/components/notify/TelegramLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { Badge, Card } from "@/components/ui/Card";
import { TimeZoneForm } from "@/components/steps/StepForms";
import { EncryptNamesCard } from "@/components/names/EncryptNamesCard";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { groupTimeZones } from "@/lib/data/group-time-zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.index");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const actor = await requirePageActor("/settings");
  const admined = actor.memberships.filter((m) => m.role === "admin");
  const [t, tr, trem, offsets, tf, tn, prefs, ttz, zones, ti] = await Promise.all([
    getTranslations("settings.index"),
    getTranslations("vocab.role"),
    getTranslations("settings.reminders"),
    getReminderOffsets(actor.userId),
    getTranslations("filings.settings"),
    getTranslations("notify"),
    getChannelPreferences(actor.userId),
    getTranslations("steps.timeZone"),
    groupTimeZones(admined.map((m) => m.groupId)),
    getTranslations("importer"),
  ]);
  const telegramOn = telegramEnabled();
  const isAdmin = actor.memberships.some((m) => m.role === "admin");
  const emailOn = mailEnabled();
  const operator = isOperator(actor);
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("title")} subtitle={t("signedInAs", { name: actor.name, email: actor.email })} />
      <Card id="groups" title={t("groups")}>
        {actor.memberships.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noGroups")}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {actor.memberships.map((m) => (
              <li key={m.groupId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium">{m.groupName}</span> <Badge tone={m.role === "admin" ? "brand" : "stone"}>{tr(m.role)}</Badge>
                </span>
                <Link href={`/settings/members?group=${encodeURIComponent(m.groupId)}`}>{m.role === "admin" ? t("manageMembers") : t("seeMembers")}</Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="shared" title={t("shared")}>
        <p className="mb-2 text-sm text-stone-700">{operator ? t("sharedOperator") : t("sharedReadOnly")}</p>
        <ul className="space-y-1 text-sm">
          <li>
            <Link href="/settings/rules">{t("rules")}</Link> — <span className="text-stone-600">{t("rulesText")}</span>
          </li>
          <li>
            <Link href="/settings/holidays">{t("holidays")}</Link> — <span className="text-stone-600">{t("holidaysText")}</span>
          </li>
          <li>
            <Link href="/settings/standards">{t("standards")}</Link> — <span className="text-stone-600">{t("standardsText")}</span>
          </li>
          <li>
            <Link href="/settings/filings">{tf("title")}</Link> — <span className="text-stone-600">{tf("linkText")}</span>
          </li>
        </ul>
      </Card>
      <Card id="reminders" title={trem("title")}>
        <p className="mb-2 text-sm text-stone-700">{trem("intro")}</p>
        <p className={emailOn ? "mb-3 text-sm text-stone-600" : "mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"} data-email={emailOn ? "on" : "off"}>
          {emailOn ? trem("emailOn", { email: actor.email }) : trem("emailOff")}
        </p>
        <ReminderForm offsets={offsets} />
        <div className="mt-4 border-t border-stone-100 pt-3">
          <ChannelsForm email={prefs.channels.includes("email")} telegram={prefs.channels.includes("telegram")} digest={prefs.weeklyDigest} privateTitles={prefs.telegramPrivateTitles} />
        </div>
      </Card>
      <Card id="telegram" title={tn("telegram.title")}>
        {telegramOn ? (
          <>
            <p className="mb-2 text-sm text-stone-700">{tn("telegram.intro")}</p>
            <TelegramLink linked={prefs.telegramLinked} />
          </>
        ) : (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-telegram-off>
            {tn("telegram.off")}
          </p>
        )}
      </Card>
      <Card id="calendar" title={tn("calendar.title")}>
        <p className="text-sm text-stone-700">
          {tn("calendar.settingsText")} <Link href="/settings/calendar">{tn("calendar.manage")}</Link>
        </p>
        {isAdmin ? (
          <p className="mt-2 text-sm text-stone-700">
            {tn("delivery.settingsText")} <Link href="/settings/delivery">{tn("delivery.title")}</Link>
          </p>
        ) : null}
      </Card>
      {admined.length ? (
        <Card id="time-zone" title={ttz("title")}>
          <p className="mb-3 text-sm text-stone-700">{ttz("explain")}</p>
          <div className="space-y-4">
            {admined.map((m) => (
              <ClientMessages key={m.groupId} namespaces={["steps"]}>
                <TimeZoneForm groupId={m.groupId} groupName={m.groupName} timeZone={zones.get(m.groupId) ?? "Asia/Almaty"} />
              </ClientMessages>
            ))}
          </div>
        </Card>
      ) : null}
      {admined.length ? <EncryptNamesCard groupIds={admined.map((m) => m.groupId)} /> : null}
      <Card id="account" title={t("account")}>
        <ul className="space-y-1 text-sm">
          <li>
            <Link href="/settings/security">{t("security")}</Link> — <span className="text-stone-600">{t("securityText")}</span>
          </li>
          <li>
            <Link href="/settings/tokens">{t("tokens")}</Link> — <span className="text-stone-600">{t("tokensText")}</span>
          </li>
          <li>
            <Link href="/settings/export">{t("export")}</Link> — <span className="text-stone-600">{t("exportText")}</span>
          </li>
          <li>
            <Link href="/settings/import">{ti("settingsLink")}</Link> — <span className="text-stone-600">{ti("settingsLinkText")}</span>
          </li>
        </ul>
      </Card>
    </div>
  );
}
