import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { createIncidentAction } from "@/lib/actions/incidents";
import { getIncidentFormOptions, incidentGroupsFor } from "@/lib/data/incidents";
import { PageHeader } from "@/components/ui/PageHeader";
import { IncidentForm } from "@/components/incidents/IncidentForm";
import { Forbidden } from "@/components/ui/Forbidden";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents.pages");
  return { title: t("newTitle") };
}

export default async function NewIncidentPage({ searchParams }: { searchParams: Promise<{ group?: string; application?: string }> }) {
  const sp = await searchParams;
  const actor = await requirePageActor("/incidents/new");
  const t = await getTranslations("incidents.pages");
  const groups = incidentGroupsFor(actor);
  if (groups.length === 0) return <Forbidden />;
  // The owning group decides whose people can be linked and who may later edit it.
  const group = groups.find((g) => g.groupId === sp.group) ?? groups[0];
  const options = await getIncidentFormOptions(actor, group.groupId);
  const preselected = options.applications.some((a) => a.id === sp.application) ? [sp.application as string] : [];
  const keep = (groupId: string) => `/incidents/new?${new URLSearchParams({ group: groupId, ...(preselected.length ? { application: preselected[0] } : {}) })}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newTitle")} subtitle={t("newSubtitle", { group: group.groupName })} />
      {groups.length > 1 ? (
        <nav aria-label={t("ownerGroup")} className="mb-4 flex flex-wrap gap-3 text-sm">
          <span className="text-stone-600">{t("ownerGroup")}:</span>
          {groups.map((g) =>
            g.groupId === group.groupId ? (
              <strong key={g.groupId} aria-current="true">{g.groupName}</strong>
            ) : (
              <Link key={g.groupId} href={keep(g.groupId)}>
                {g.groupName}
              </Link>
            ),
          )}
        </nav>
      ) : null}
      <IncidentForm
        action={createIncidentAction}
        options={options}
        links={{ people: [], groups: [group.groupId], applications: preselected }}
        cancelHref={preselected.length ? `/applications/${preselected[0]}#incidents` : "/incidents"}
        drafts={{ owner: actor.userId, serverKey: randomUUID() }}
        initial={{
          id: "",
          version: "",
          groupId: group.groupId,
          kind: "",
          title: "",
          occurredOn: "",
          occurredOnPrecision: "day",
          city: "",
          place: "",
          description: "",
          amount: "",
          currency: "KZT",
          perpetrator: "",
          newPeople: "",
          isPublic: "",
        }}
      />
    </div>
  );
}
