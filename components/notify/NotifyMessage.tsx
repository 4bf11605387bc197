"use client";
// A form's outcome: this feature's own keys (notify.messages) first, anything else from "errors".
import type { FormState } from "@/lib/actions/form-state";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";

export function NotifyMessage({ state, labels }: { state: FormState; labels?: string }) {
  return <OutcomeMessage state={state} messages="notify.messages" labels={labels} />;
}
