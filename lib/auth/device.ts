// What a member recognises a device by: the browser and system its User-Agent names (bowser),
// nothing finer (no version, no model), and never its address.
import Bowser from "bowser";

export interface Device {
  browser: string;
  os: string;
}

export function describeDevice(userAgent: string | null | undefined): Device {
  const ua = (userAgent ?? "").slice(0, 1000);
  if (!ua) return { browser: "", os: "" };
  try {
    const p = Bowser.parse(ua);
    return { browser: (p.browser.name ?? "").slice(0, 60), os: (p.os.name ?? "").slice(0, 60) };
  } catch {
    return { browser: "", os: "" };
  }
}

/** Two sessions are the same device for the new-sign-in alert when browser and system agree. */
export function sameDevice(a: Device, b: Device): boolean {
  return a.browser === b.browser && a.os === b.os;
}
