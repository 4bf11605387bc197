import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { listCalendarFeeds } from "@/lib/data/calendar-feeds";
import { env } from "@/lib/env";
import { Badge, Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { CreateFeedForm } from "@/components/notify/CreateFeedForm";
import { RevokeFeedForm } from "@/components/notify/RevokeFeedForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notify.calendar");
  return { title: t("title") };
}

export default async function CalendarFeedsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/settings/calendar");
  const [feeds, t, format, sp] = await Promise.all([listCalendarFeeds(actor), getTranslations("notify.calendar"), getFormatter(), searchParams]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={<Link href="/settings">{t("back")}</Link>} />
      {sp.revoked ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("revoked")}
        </p>
      ) : null}
      <div className="grid gap-6">
        <Card id="new-feed-card" title={t("newTitle")}>
          <p className="mb-3 text-sm text-stone-700">{t("intro")}</p>
          <CreateFeedForm appUrl={env.appUrl} />
        </Card>
        <Card id="feeds-list" title={t("listTitle")}>
          {feeds.length === 0 ? (
            <p className="text-sm text-stone-600">{t("none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="w-full text-sm">
                <caption className="sr-only">{t("listTitle")}</caption>
                <thead>
                  <tr className="border-b border-stone-300 text-left">
                    <th scope="col" className="px-2 py-1 font-medium">{t("name")}</th>
                    <th scope="col" className="px-2 py-1 font-medium">{t("createdAt")}</th>
                    <th scope="col" className="px-2 py-1 font-medium">{t("lastUsedAt")}</th>
                    <th scope="col" className="px-2 py-1 font-medium">{t("status")}</th>
                    <th scope="col" className="px-2 py-1 font-medium"><span className="sr-only">{t("actions")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {feeds.map((f) => (
                    <tr key={f.id} className="border-b border-stone-100 align-top">
                      <th scope="row" className="px-2 py-2 text-left font-normal">{f.name}</th>
                      <td className="px-2 py-2">{when(f.createdAt)}</td>
                      <td className="px-2 py-2">{when(f.lastUsedAt)}</td>
                      <td className="px-2 py-2">
                        {f.revokedAt ? <Badge tone="stone">{t("revokedOn", { date: when(f.revokedAt) })}</Badge> : <Badge tone="green">{t("active")}</Badge>}
                      </td>
                      <td className="px-2 py-2">{f.revokedAt ? null : <RevokeFeedForm id={f.id} name={f.name} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
