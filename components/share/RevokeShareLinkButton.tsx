"use client";
import { useActionState } from "react";
import { revokeShareLinkAction } from "@/lib/actions/share-links";
import { initialFormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/FormMessage";

export function RevokeShareLinkButton({ linkId, label, description }: { linkId: string; label: string; description: string }) {
  const [state, action, pending] = useActionState(revokeShareLinkAction, initialFormState);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" disabled={pending} aria-label={description} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
        {label}
      </button>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}
