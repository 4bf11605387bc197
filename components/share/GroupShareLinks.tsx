import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/auth/access";
import { listGroupShareLinks } from "@/lib/data/share-links";
import { Card } from "@/components/ui/Card";
import { ShareLinkItem } from "./ShareLinkItem";

/**
 * Every share link a group has made, across its cases, for a settings or group page:
 * `<GroupShareLinks actor={actor} groupId={id} />`. Editors may revoke from here.
 */
export async function GroupShareLinks({ actor, groupId, activeOnly = false }: { actor: Actor; groupId: string; activeOnly?: boolean }) {
  if (!can(actor, groupId, "viewer")) return null;
  const [t, links] = await Promise.all([getTranslations("share"), listGroupShareLinks(actor, groupId, { activeOnly })]);
  return (
    <Card id="group-share-links" title={t("group.heading")}>
      {links.length === 0 ? (
        <p className="text-sm text-stone-600">{t("list.none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="group-share-links">
          {links.map((l) => (
            <ShareLinkItem key={l.id} link={l} canRevoke={can(actor, groupId, "editor")} showCase />
          ))}
        </ul>
      )}
    </Card>
  );
}
