import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { requirePageActor } from "@/lib/auth/session";
import { getMembersPage } from "@/lib/data/settings";
import { revokeInvitationAction } from "@/lib/actions/invitations";
import { PageHeader } from "@/components/ui/PageHeader";
import { Badge, Card } from "@/components/ui/Card";
import { ConfirmDeleteForm } from "@/components/appeals/ConfirmDeleteForm";
import { loadForPage } from "@/components/appeals/guard";
import { Forbidden } from "@/components/ui/Forbidden";
import { InviteForm } from "@/components/settings/InviteForm";
import { MemberRow } from "@/components/settings/MemberRow";
import { IssueResetLinkForm } from "@/components/accounts/SecurityForms";
import { OrganizerRequestList } from "@/components/settings/OrganizerRequests";
import { listOrganizerRequests } from "@/lib/data/organizer-requests";
import { listAccessInvitations } from "@/lib/data/coalitions";
import { AccessInvitationList } from "@/components/coalitions/AccessInvitations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.members");
  return { title: t("title") };
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const sp = await searchParams;
  const actor = await requirePageActor("/settings/members");
  const [t, tr, to, f] = await Promise.all([getTranslations("settings.members"), getTranslations("vocab.role"), getTranslations("settings.organizerRequests"), getFormatter()]);
  if (actor.memberships.length === 0) return <Forbidden />;
  const current = actor.memberships.find((m) => m.groupId === sp.group) ?? actor.memberships[0];
  const loaded = await loadForPage(() => getMembersPage(actor, current.groupId));
  if (loaded.forbidden) return <Forbidden />;
  const { group, members, invitations, isAdmin } = loaded.value;
  const [organizerRequests, accessInvitations, tc] = await Promise.all([
    isAdmin ? listOrganizerRequests(actor, group.id) : [],
    isAdmin ? listAccessInvitations(actor, group.id, (await getLocale()) as Locale) : [],
    getTranslations("coalitions.invitations"),
  ]);
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader title={t("title")} subtitle={group.name} actions={<Link href="/settings">{t("back")}</Link>} />
      {actor.memberships.length > 1 ? (
        <nav aria-label={t("groupNav")} className="flex flex-wrap gap-3 text-sm">
          {actor.memberships.map((m) =>
            m.groupId === group.id ? (
              <strong key={m.groupId} aria-current="page">{m.groupName}</strong>
            ) : (
              <Link key={m.groupId} href={`/settings/members?group=${encodeURIComponent(m.groupId)}`}>
                {m.groupName}
              </Link>
            ),
          )}
        </nav>
      ) : null}
      <Card id="members" title={t("list", { count: members.length })}>
        {isAdmin ? (
          <ul className="divide-y divide-stone-100">
            {members.map((m) => (
              <MemberRow
                key={m.id}
                groupId={group.id}
                member={m}
                isSelf={m.user.id === actor.userId}
                extra={m.user.id === actor.userId ? null : <IssueResetLinkForm groupId={group.id} membershipId={m.id} name={m.user.name} />}
              />
            ))}
          </ul>
        ) : (
          <ul className="divide-y divide-stone-100">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {m.user.name} {m.user.id === actor.userId ? <span className="text-xs text-stone-600">({t("you")})</span> : null}
                </span>
                <Badge>{tr.has(m.role) ? tr(m.role) : m.role}</Badge>
              </li>
            ))}
          </ul>
        )}
        {isAdmin ? null : <p className="mt-2 text-xs text-stone-600">{t("adminsOnly")}</p>}
      </Card>
      {isAdmin ? (
        <>
          <Card id="invite" title={t("inviteTitle")}>
            <p className="mb-3 text-sm text-stone-700">{t("inviteText")}</p>
            <InviteForm groupId={group.id} />
          </Card>
          <Card id="organizer-requests" title={to("title")}>
            <p className="mb-2 text-sm text-stone-700">{to("text")}</p>
            <OrganizerRequestList
              requests={organizerRequests.map((r) => ({
                applicationId: r.applicationId,
                groupId: r.groupId,
                title: r.application.title,
                requestingGroup: r.application.group.name,
                requestedOn: f.dateTime(r.requestedAt, { dateStyle: "medium" }),
              }))}
            />
          </Card>
          <Card id="shared-cases" title={tc("title")}>
            <AccessInvitationList invitations={accessInvitations} />
          </Card>
          <Card id="invitations" title={t("pending")}>
            {invitations.length === 0 ? (
              <p className="text-sm text-stone-600">{t("noPending")}</p>
            ) : (
              <ul className="divide-y divide-stone-100">
                {invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span className="break-all">
                      {i.email} <Badge>{tr.has(i.role) ? tr(i.role) : i.role}</Badge>{" "}
                      <span className="text-xs text-stone-600">{t("until", { date: f.dateTime(i.expiresAt, { dateStyle: "medium" }) })}</span>
                    </span>
                    <ConfirmDeleteForm action={revokeInvitationAction} fields={{ groupId: group.id, invitationId: i.id }} label={t("revoke")} confirm={t("revokeConfirm", { email: i.email })} ns="settings" />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
