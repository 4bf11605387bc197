// Settings → "People's names at rest": for each group the member administers, whether its
// people's names are encrypted in the database, with the switch.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { namesSettings } from "@/lib/data/person-names";
import { EncryptNamesForm } from "./EncryptNamesForm";

export async function EncryptNamesCard({ groupIds }: { groupIds: string[] }) {
  const [t, groups] = await Promise.all([getTranslations("names"), namesSettings(groupIds)]);
  return (
    <Card id="encrypt-names" title={t("title")}>
      <p className="mb-3 text-sm text-stone-700">{t("explain")}</p>
      <ClientMessages namespaces={["names"]}>
        <div className="space-y-4">
          {groups.map((g) => (
            <EncryptNamesForm key={g.id} groupId={g.id} groupName={g.name} encrypted={g.encryptNames} />
          ))}
        </div>
      </ClientMessages>
    </Card>
  );
}
