import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseData } from "@/lib/data/cases";
import { getActor } from "@/lib/auth/session";
import { listShareLinks, type ShareLinkSummary } from "@/lib/data/share-links";
import { SHARE_SECTIONS } from "@/lib/domain/vocabulary";
import { SHARE_DEFAULT_DAYS } from "@/lib/validation/share";
import { Badge, Card } from "@/components/ui/Card";
import { secondaryLink } from "@/components/ui/PageHeader";
import { CreateShareLinkForm } from "./CreateShareLinkForm";
import { RevokeShareLinkButton } from "./RevokeShareLinkButton";

/** On the case page, for the group's editors: make, follow and revoke share links. */
export async function SharePanel({ data }: { data: CaseData }) {
  if (!data.canEdit) return null;
  const actor = await getActor();
  if (!actor) return null;
  const [t, vocab, format, links] = await Promise.all([getTranslations("share"), getTranslations("vocab"), getFormatter(), listShareLinks(actor, data.id)]);
  const when = (d: Date) => (
    <time dateTime={d.toISOString()}>{format.dateTime(d, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}</time>
  );
  const scope = (l: ShareLinkSummary) =>
    [
      l.sections.length ? l.sections.map((s) => vocab(`section.${s}`)).join(", ") : t("list.coverOnly"),
      l.includePersonal ? t("list.withPersonal") : t("list.withoutPersonal"),
      l.hasPasscode ? t("list.withPasscode") : null,
    ]
      .filter(Boolean)
      .join(" · ");
  const state = (l: ShareLinkSummary) =>
    l.state === "active" ? <Badge tone="green">{t("list.active")}</Badge> : l.state === "expired" ? <Badge tone="stone">{t("list.expired")}</Badge> : <Badge tone="red">{t("list.revokedOn")}</Badge>;

  return (
    <Card id="share" title={t("panel.title")} className="no-print">
      <p className="text-sm text-stone-700">{t("panel.intro")}</p>
      <p className="mt-3 flex flex-wrap gap-2">
        <Link href={`/applications/${data.id}/case-file`} className={secondaryLink}>
          {t("panel.caseFile")}
        </Link>
        <a href={`/applications/${data.id}/case-file/pdf`} className={secondaryLink}>
          {t("panel.pdf")}
        </a>
      </p>
      <div className="mt-5 border-t border-stone-200 pt-4">
        <CreateShareLinkForm applicationId={data.id} defaultDays={SHARE_DEFAULT_DAYS} sections={SHARE_SECTIONS.map((s) => ({ value: s, label: vocab(`section.${s}`) }))} />
      </div>
      <div className="mt-6 border-t border-stone-200 pt-4">
        <h3 className="text-base font-semibold">{t("list.heading")}</h3>
        {links.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("list.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="share-links">
            {links.map((l) => (
              <li key={l.id} className="rounded-md border border-stone-200 p-3 text-sm" data-share-state={l.state}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="flex items-center gap-2">
                    {state(l)}
                    <span>{scope(l)}</span>
                  </span>
                  {l.state === "active" ? (
                    <RevokeShareLinkButton linkId={l.id} label={t("list.revoke")} description={t("list.revokeLabel", { name: l.createdByName, date: format.dateTime(l.createdAt, { dateStyle: "medium" }) })} />
                  ) : null}
                </div>
                <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="font-medium text-stone-600">{t("list.createdBy")}</dt>
                  <dd>
                    {l.createdByName} · {when(l.createdAt)}
                  </dd>
                  <dt className="font-medium text-stone-600">{l.revokedAt ? t("list.revokedOn") : t("list.expires")}</dt>
                  <dd>{when(l.revokedAt ?? l.expiresAt)}</dd>
                  <dt className="font-medium text-stone-600">{t("list.lastOpened")}</dt>
                  <dd>{l.lastOpenedAt ? when(l.lastOpenedAt) : t("list.never")}</dd>
                  <dt className="font-medium text-stone-600">{t("list.opens")}</dt>
                  <dd>{l.openCount}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
