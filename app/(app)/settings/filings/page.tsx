import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { canEditTemplates, listTemplates } from "@/lib/data/filings";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("filings.settings");
  return { title: t("title") };
}

/** The filing templates every group drafts from: shared reference data, edited by operators. */
export default async function FilingTemplatesPage() {
  const actor = await requirePageActor("/settings/filings");
  const [t, tf, f, templates] = await Promise.all([getTranslations("filings.settings"), getTranslations("filings"), getFormatter(), listTemplates()]);
  const editable = canEditTemplates(actor);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} subtitle={t("intro")} />
      <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{tf("draftNotice")}</p>
      {editable ? null : <p className="mb-4 text-sm text-stone-600">{t("onlyOperators")}</p>}
      <Card>
        <ul className="divide-y divide-stone-200">
          {templates.map((tpl) => (
            <li key={`${tpl.kind}-${tpl.locale}`} className="py-2 text-sm">
              <Link href={`/settings/filings/${tpl.kind}/${tpl.locale}`}>
                {tf(`kind.${tpl.kind}`)} · {tf(`locale.${tpl.locale}`)}
              </Link>
              <span className="text-stone-600">
                {" "}
                — {t("versionLine", { version: tpl.version, versions: tpl.versions, name: tpl.createdByName || "—", date: f.dateTime(tpl.createdAt, { dateStyle: "medium" }) })}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
