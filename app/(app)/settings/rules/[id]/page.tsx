import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { isOperator, listDeadlineRules } from "@/lib/data/settings";
import { PageHeader } from "@/components/ui/PageHeader";
import { Forbidden } from "@/components/ui/Forbidden";
import { RuleForm } from "@/components/settings/RuleForm";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.rules");
  return { title: t("editTitle") };
}

export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/settings/rules/${id}`);
  if (!isOperator(actor)) return <Forbidden />;
  const [t, locale, rules] = await Promise.all([getTranslations("settings.rules"), getLocale(), listDeadlineRules()]);
  const r = rules.find((x) => x.id === id);
  if (!r) notFound();
  return (
    <div className="max-w-3xl">
      <PageHeader title={localized(r, "label", locale)} subtitle={t("editSubtitle", { code: r.code })} />
      <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("warning")}</p>
      <RuleForm
        countsFrom={r.countsFrom}
        initial={{ id: r.id, amount: String(r.amount), unit: r.unit, direction: r.direction, legalBasis: r.legalBasis, legalBasisRu: r.legalBasisRu, legalBasisKk: r.legalBasisKk, labelEn: r.labelEn, labelRu: r.labelRu, labelKk: r.labelKk, active: r.active ? "on" : "" }}
      />
    </div>
  );
}
