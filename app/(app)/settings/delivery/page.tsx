import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { listDeliveryProblems } from "@/lib/data/delivery";
import { mailEnabled } from "@/lib/mail";
import { telegramEnabled } from "@/lib/telegram";
import { Badge, Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Forbidden } from "@/components/ui/Forbidden";
import { RetryForm } from "@/components/notify/RetryForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notify.delivery");
  return { title: t("title") };
}

const KINDS = ["reminders.email", "reminders.telegram", "invitation.email", "digest.email", "attachment.ocr"];

export default async function DeliveryPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const sp = await searchParams;
  const actor = await requirePageActor("/settings/delivery");
  const admin = actor.memberships.filter((m) => m.role === "admin");
  if (admin.length === 0) return <Forbidden />;
  const current = admin.find((m) => m.groupId === sp.group) ?? admin[0];
  const [problems, t, format] = await Promise.all([listDeliveryProblems(actor, current.groupId), getTranslations("notify.delivery"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader title={t("title")} subtitle={current.groupName} actions={<Link href="/settings">{t("back")}</Link>} />
      {admin.length > 1 ? (
        <nav aria-label={t("groupNav")} className="flex flex-wrap gap-3 text-sm">
          {admin.map((m) =>
            m.groupId === current.groupId ? (
              <strong key={m.groupId} aria-current="page">{m.groupName}</strong>
            ) : (
              <Link key={m.groupId} href={`/settings/delivery?group=${encodeURIComponent(m.groupId)}`}>
                {m.groupName}
              </Link>
            ),
          )}
        </nav>
      ) : null}
      <p className="text-sm text-stone-700">
        {t("channels", { email: mailEnabled() ? t("on") : t("off"), telegram: telegramEnabled() ? t("on") : t("off") })}
      </p>
      <Card id="delivery-problems" title={t("listTitle")}>
        {problems.length === 0 ? (
          <p className="text-sm text-stone-600" data-delivery="none">{t("none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("listTitle")}</caption>
              <thead>
                <tr className="border-b border-stone-300 text-left">
                  <th scope="col" className="px-2 py-1 font-medium">{t("what")}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t("concerns")}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t("status")}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t("error")}</th>
                  <th scope="col" className="px-2 py-1 font-medium"><span className="sr-only">{t("actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={p.id} className="border-b border-stone-100 align-top" data-job={p.kind}>
                    <th scope="row" className="px-2 py-2 text-left font-normal">{t(`kind.${KINDS.includes(p.kind) ? p.kind.replace(".", "_") : "other"}`)}</th>
                    <td className="px-2 py-2">
                      {p.caseId ? <Link href={`/applications/${encodeURIComponent(p.caseId)}`}>{p.caseTitle}</Link> : null}
                      {p.memberName ? <div className="text-stone-600">{t("member", { name: p.memberName })}</div> : null}
                    </td>
                    <td className="px-2 py-2">
                      {p.status === "failed" ? <Badge tone="stone">{t("failed", { date: when(p.finishedAt) })}</Badge> : <Badge tone="brand">{t("retrying", { date: when(p.nextAttemptAt) })}</Badge>}
                      <div className="text-xs text-stone-600">{t("attempts", { n: p.attempts, max: p.maxAttempts })}</div>
                    </td>
                    <td className="px-2 py-2 font-mono text-xs break-words">{p.lastError}</td>
                    <td className="px-2 py-2">
                      <RetryForm groupId={current.groupId} jobId={p.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
