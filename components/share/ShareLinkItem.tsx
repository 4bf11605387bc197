import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ShareLinkSummary } from "@/lib/data/share-links";
import { Badge } from "@/components/ui/Card";
import { RevokeShareLinkButton } from "./RevokeShareLinkButton";

/** One share link: what it shows, who made it, how it has been used; revocable while active. */
export async function ShareLinkItem({ link, canRevoke, showCase = false }: { link: ShareLinkSummary; canRevoke: boolean; showCase?: boolean }) {
  const [t, vocab, format] = await Promise.all([getTranslations("share"), getTranslations("vocab"), getFormatter()]);
  const when = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}</time>;
  const scope = [
    link.sections.length ? link.sections.map((s) => vocab(`section.${s}`)).join(", ") : t("list.coverOnly"),
    link.includePersonal ? t("list.withPersonal") : t("list.withoutPersonal"),
    link.hasPasscode ? t("list.withPasscode") : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const state =
    link.state === "active" ? <Badge tone="green">{t("list.active")}</Badge> : link.state === "expired" ? <Badge tone="stone">{t("list.expired")}</Badge> : <Badge tone="red">{t("list.revokedOn")}</Badge>;

  return (
    <li className="rounded-md border border-stone-200 p-3 text-sm" data-share-state={link.state}>
      {showCase ? (
        <p className="mb-1 font-medium">
          <Link href={`/applications/${link.applicationId}`}>{link.application.title}</Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex flex-wrap items-center gap-2">
          {state}
          <span>
            <span className="sr-only">{t("list.scope")}: </span>
            {scope}
          </span>
        </span>
        {canRevoke && link.state === "active" ? (
          <RevokeShareLinkButton linkId={link.id} label={t("list.revoke")} description={t("list.revokeLabel", { name: link.createdByName, date: format.dateTime(link.createdAt, { dateStyle: "medium" }) })} />
        ) : null}
      </div>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-stone-600">{t("list.createdBy")}</dt>
        <dd>
          {link.createdByName} · {when(link.createdAt)}
        </dd>
        <dt className="font-medium text-stone-600">{link.revokedAt ? t("list.revokedOn") : t("list.expires")}</dt>
        <dd>{when(link.revokedAt ?? link.expiresAt)}</dd>
        <dt className="font-medium text-stone-600">{t("list.lastOpened")}</dt>
        <dd>{link.lastOpenedAt ? when(link.lastOpenedAt) : t("list.never")}</dd>
        <dt className="font-medium text-stone-600">{t("list.opens")}</dt>
        <dd>{link.openCount}</dd>
      </dl>
    </li>
  );
}
