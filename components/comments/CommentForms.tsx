"use client";
// Adding a comment, and the author's own edit (within the window) and delete. Each posts
// without JavaScript; errors show beside the field and in the summary at the form's top.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextArea, FieldErrors } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";
import { initialFormState } from "@/lib/actions/form-state";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/lib/actions/coalitions";
import { MAX_COMMENT } from "@/lib/domain/vocabulary";

const str = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);

export function AddCommentForm({ applicationId, subjects, example }: { applicationId: string; subjects: { value: string; label: string }[]; example: string }) {
  const t = useTranslations("comments");
  const [state, action] = useActionState(addCommentAction, initialFormState);
  const v = (state.ok ? {} : (state.data?.values as Record<string, unknown> | undefined)) ?? {};
  return (
    <form action={action} method="post" noValidate className="space-y-3" data-form="add-comment" key={String(state.data?.submittedAt ?? "initial")}>
      <OutcomeMessage state={state} messages="comments.messages" labels="comments" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <SelectField name="subject" label={t("subject")} required defaultValue={str(v.subject, subjects[0]?.value)} errors={state.errors} options={subjects} />
      <TextArea name="body" label={t("body")} required hint={t("bodyHint", { example })} defaultValue={str(v.body)} errors={state.errors} maxLength={MAX_COMMENT} />
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

export function CommentActions({ id, body, canEdit, until }: { id: string; body: string; canEdit: boolean; until: string | null }) {
  const t = useTranslations("comments");
  const [editState, edit] = useActionState(editCommentAction, initialFormState);
  const [deleteState, remove] = useActionState(deleteCommentAction, initialFormState);
  const field = `comment-${id}`;
  const v = (editState.ok ? {} : (editState.data?.values as Record<string, unknown> | undefined)) ?? {};
  const errors = editState.errors?.body ? { [field]: editState.errors.body } : undefined;
  return (
    <div className="mt-2 space-y-2">
      {canEdit ? (
        <form action={edit} method="post" noValidate className="space-y-2" data-form="edit-comment">
          <OutcomeMessage state={editState} messages="comments.messages" labels="comments" />
          <input type="hidden" name="id" value={id} />
          <label htmlFor={field} className="sr-only">
            {t("body")}
          </label>
          <textarea
            id={field}
            name="body"
            rows={2}
            defaultValue={str(v.body, body)}
            maxLength={MAX_COMMENT}
            aria-invalid={Boolean(errors)}
            aria-describedby={`${field}-error ${field}-hint`}
            className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
          />
          <FieldErrors name={field} errors={errors} />
          <p id={`${field}-hint`} className="text-xs text-stone-600">
            {t("editableUntil", { time: until ?? "" })}
          </p>
          <SubmitButton variant="secondary">{t("save")}</SubmitButton>
        </form>
      ) : (
        <p className="text-xs text-stone-600">{t("readOnly")}</p>
      )}
      <form
        action={remove}
        method="post"
        data-form="delete-comment"
        onSubmit={(e) => {
          if (!window.confirm(t("deleteConfirm"))) e.preventDefault();
        }}
      >
        <OutcomeMessage state={deleteState} messages="comments.messages" />
        <input type="hidden" name="id" value={id} />
        <SubmitButton variant="danger">{t("delete")}</SubmitButton>
      </form>
    </div>
  );
}
