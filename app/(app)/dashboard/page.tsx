import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/PageHeader";

export default async function DashboardPage() {
  const actor = await requirePageActor("/dashboard");
  const t = await getTranslations("dashboard");
  return <PageHeader title={t("title")} subtitle={t("welcome", { name: actor.name })} />;
}
