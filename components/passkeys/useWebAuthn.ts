"use client";
// Whether this browser can do WebAuthn. False on the server and until the page's script runs,
// so what needs a passkey appears only where it can work (progressive enhancement: without
// JavaScript the code form is all there is).
import { useSyncExternalStore } from "react";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";

const subscribe = () => () => {};

export function useWebAuthn(): boolean {
  return useSyncExternalStore(subscribe, browserSupportsWebAuthn, () => false);
}

/** The browser refused or the member closed its prompt (not a failed check on our side). */
export function wasCancelled(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  return name === "NotAllowedError" || name === "AbortError" || name === "InvalidStateError";
}
