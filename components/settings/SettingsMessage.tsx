"use client";
// A form's outcome: the settings catalogue's own keys ("last_admin", "saved" …), anything else from "errors".
import type { FormState } from "@/lib/actions/form-state";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";

export function SettingsMessage({ state, labels }: { state: FormState; labels?: string }) {
  return <OutcomeMessage state={state} messages="settings.messages" labels={labels} ns="settings" />;
}
