import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CaseData } from "@/lib/data/cases";
import { getActor } from "@/lib/auth/session";
import { listShareLinks } from "@/lib/data/share-links";
import { SHARE_SECTIONS } from "@/lib/domain/vocabulary";
import { SHARE_DEFAULT_DAYS } from "@/lib/validation/share";
import { Card } from "@/components/ui/Card";
import { secondaryLink } from "@/components/ui/PageHeader";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { CreateShareLinkForm } from "./CreateShareLinkForm";
import { ShareLinkItem } from "./ShareLinkItem";

/** On the case page, for the group's editors (not a coalition's): make, follow and revoke share links. */
export async function SharePanel({ data }: { data: CaseData }) {
  if (!data.canOwnerEdit) return null;
  const actor = await getActor();
  if (!actor) return null;
  const [t, vocab, links] = await Promise.all([getTranslations("share"), getTranslations("vocab"), listShareLinks(actor, data.id)]);

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
        <ClientMessages namespaces={["share"]}>
          <CreateShareLinkForm applicationId={data.id} defaultDays={SHARE_DEFAULT_DAYS} sections={SHARE_SECTIONS.map((s) => ({ value: s, label: vocab(`section.${s}`) }))} />
        </ClientMessages>
      </div>
      <div className="mt-6 border-t border-stone-200 pt-4">
        <h3 className="text-base font-semibold">{t("list.heading")}</h3>
        {links.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("list.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="share-links">
            {links.map((l) => (
              <ShareLinkItem key={l.id} link={l} canRevoke />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
