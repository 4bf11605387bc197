"use client";
// A steps form's outcome: its own "saved" keys (steps.saved.*), anything else from "errors".
import type { FormState } from "@/lib/actions/form-state";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";

export function StepsMessage({ state, labels }: { state: FormState; labels?: string }) {
  return <OutcomeMessage state={state} messages="steps.saved" labels={labels} />;
}
