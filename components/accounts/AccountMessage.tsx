"use client";
// A form's outcome: this feature's own keys (accounts.messages.*), anything else from "errors".
import type { FormState } from "@/lib/actions/form-state";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";

export function AccountMessage({ state, labels = "accounts.fields" }: { state: FormState; labels?: string }) {
  return <OutcomeMessage state={state} messages="accounts.messages" labels={labels} ns="accounts" />;
}
