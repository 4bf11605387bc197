// On the case page, for members only (the owning group and coalition groups with access):
// the comments on the case, its answers and its appeal stages, and the form to add one.
// Nothing here is rendered for anyone else, and listComments returns nothing to them anyway.
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseData } from "@/lib/data/cases";
import { getActor } from "@/lib/auth/session";
import { editableUntil, listComments } from "@/lib/data/comments";
import { Card } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { AddCommentForm, CommentActions } from "./CommentForms";

export async function CaseComments({ data }: { data: CaseData }) {
  if (!data.isMember) return null;
  const actor = await getActor();
  const [t, tv, f, comments] = await Promise.all([getTranslations("comments"), getTranslations("vocab"), getFormatter(), listComments(actor, data)]);
  const day = (d: string | null) => (d ? f.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const subjects = [
    { value: `application:${data.id}`, label: t("on.application") },
    ...data.answers.map((a) => ({ value: `answer:${a.id}`, label: t("on.answer", { date: day(a.receivedOn) }) })),
    ...data.appealStages.map((s) => ({ value: `appealStage:${s.id}`, label: t("on.appealStage", { kind: tv.has(`appealKind.${s.kind}`) ? tv(`appealKind.${s.kind}`) : s.kind }) })),
  ];
  const about = new Map(subjects.map((s) => [s.value, s.label]));
  const example = actor?.name.split(" ")[0] ?? "Name";
  return (
    <Card id="comments" title={t("title")} className="no-print">
      <p className="mb-3 text-xs text-stone-600">{t("intro")}</p>
      {comments.length === 0 ? (
        <p className="text-sm text-stone-600">{t("none")}</p>
      ) : (
        <ol className="space-y-3" data-comments>
          {comments.map((c) => (
            <li key={c.id} className="rounded-md border border-stone-200 p-3 text-sm" data-comment={c.id}>
              <p className="text-xs text-stone-600">
                <span className="font-medium text-stone-800">{t("by", { name: c.authorName, group: c.authorGroupName })}</span> ·{" "}
                <time dateTime={c.createdAt.toISOString()}>{f.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                {c.editedAt ? ` · ${t("edited")}` : null} · {about.get(`${c.subjectType}:${c.subjectId}`) ?? t("on.application")}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
              {c.canDelete ? (
                <ClientMessages namespaces={["comments"]}>
                  <CommentActions
                    id={c.id}
                    body={c.body}
                    canEdit={c.canEdit}
                    until={c.canEdit ? f.dateTime(editableUntil(c.createdAt), { timeStyle: "short" }) : null}
                  />
                </ClientMessages>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <div className="mt-4 border-t border-stone-200 pt-3">
        <ClientMessages namespaces={["comments"]}>
          <AddCommentForm applicationId={data.id} subjects={subjects} example={example} />
        </ClientMessages>
      </div>
    </Card>
  );
}
