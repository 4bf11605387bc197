// On the case page, for everyone who reads it as a member: who has access (the owning group,
// each co-organizing group it is shared with and what it may do). The owner's admins share,
// change and revoke here; an admin of a coalition group leaves here.
import { getTranslations } from "next-intl/server";
import type { CaseData } from "@/lib/data/cases";
import { getActor } from "@/lib/auth/session";
import { caseAccess, coalitionChoices } from "@/lib/data/coalitions";
import { Badge, Card } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { LeaveCaseForm, ShareCaseForm } from "./ShareCaseForm";

export async function CaseAccessPanel({ data }: { data: CaseData }) {
  if (!data.isMember) return null;
  const actor = await getActor();
  const access = await caseAccess(actor, data);
  if (!access) return null;
  const [t, choices] = await Promise.all([getTranslations("coalitions.panel"), access.isOwnerAdmin && actor ? coalitionChoices(actor, data.id) : Promise.resolve([])]);
  const state = (g: (typeof access.groups)[number]) => (g.state === "none" ? t("none") : g.state === "pending" ? `${t(g.access)} — ${t("pending")}` : t(g.access));
  return (
    <Card id="case-access" title={t("title")} className="no-print">
      {data.viaGroupName ? <p className="mb-2 text-sm text-stone-700">{t("via", { group: data.viaGroupName })}</p> : null}
      <ul className="space-y-2 text-sm" data-case-access>
        <li>{t("owner", { group: data.group.name })}</li>
        {access.groups.map((g) => (
          <li key={g.groupId} data-access-group={g.name} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{g.name}</span>{" "}
              <Badge tone={g.state === "active" ? "green" : g.state === "pending" ? "amber" : "stone"}>{state(g)}</Badge>
            </span>
            {g.canLeave ? (
              <ClientMessages namespaces={["coalitions"]}>
                <LeaveCaseForm applicationId={data.id} groupId={g.groupId} />
              </ClientMessages>
            ) : null}
          </li>
        ))}
      </ul>
      {access.groups.every((g) => g.state === "none") ? <p className="mt-2 text-xs text-stone-600">{t("notShared")}</p> : null}
      {access.isOwnerAdmin ? (
        <div className="mt-4 border-t border-stone-200 pt-3">
          <h3 className="font-semibold">{t("shareTitle")}</h3>
          <p className="mb-2 text-xs text-stone-600">{t("shareHint")}</p>
          <ClientMessages namespaces={["coalitions"]}>
            <ShareCaseForm applicationId={data.id} groups={choices} current={Object.fromEntries(access.groups.map((g) => [g.groupId, g.access]))} />
          </ClientMessages>
        </div>
      ) : null}
    </Card>
  );
}
