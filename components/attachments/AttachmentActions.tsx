"use client";
// One document's publish and remove actions. Publishing asks the member to tick that they have
// checked the file: scans often carry names, signatures and IINs that the record's text does not.
import { useActionState } from "react";
import { deleteAttachmentAction, publishAttachmentAction } from "@/lib/actions/attachments";
import { initialFormState } from "@/lib/actions/form-state";

interface Labels {
  publish: string;
  withdraw: string;
  warning: string;
  confirm: string;
  confirmMissing: string;
  remove: string;
  removeConfirm: string;
  error: string;
}

export function AttachmentActions({ id, isPublic, returnTo, labels }: { id: string; isPublic: boolean; returnTo: string; labels: Labels }) {
  const [publishState, publish] = useActionState(publishAttachmentAction, initialFormState);
  const [deleteState, remove] = useActionState(deleteAttachmentAction, initialFormState);
  const publishError = publishState.errors?.confirmed ? labels.confirmMissing : publishState.message && !publishState.ok ? labels.error : null;
  return (
    <div className="no-print mt-2 flex flex-wrap items-start gap-4 text-sm">
      <form action={publish} className="space-y-1">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {isPublic ? (
          <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
            {labels.withdraw}
          </button>
        ) : (
          <details>
            <summary className="cursor-pointer text-brand-700">{labels.publish}</summary>
            <div className="mt-1 max-w-md space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2">
              <p className="text-amber-900">{labels.warning}</p>
              <input type="hidden" name="isPublic" value="on" />
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirmed" className="mt-0.5 h-4 w-4" />
                {labels.confirm}
              </label>
              <button type="submit" className="rounded-md bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800">
                {labels.publish}
              </button>
            </div>
          </details>
        )}
        {publishError ? (
          <p role="alert" className="text-red-700">
            {publishError}
          </p>
        ) : null}
      </form>
      <form
        action={remove}
        onSubmit={(e) => {
          if (!window.confirm(labels.removeConfirm)) e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <button type="submit" className="rounded-md border border-red-300 bg-white px-3 py-1 text-red-800 hover:bg-red-50">
          {labels.remove}
        </button>
        {deleteState.message && !deleteState.ok ? (
          <p role="alert" className="text-red-700">
            {labels.error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
