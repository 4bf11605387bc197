"use client";
// A passkey form's outcome: the "passkeys.messages" keys first, anything else from "errors".
import type { FormState } from "@/lib/actions/form-state";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";

export function PasskeyMessage({ state }: { state: FormState }) {
  return <OutcomeMessage state={state} messages="passkeys.messages" labels="passkeys" ns="passkeys" />;
}
