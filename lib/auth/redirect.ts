// Where a sign-in may send the browser afterwards: a path on this site, nothing else.
// Used by the sign-in page, the sign-in action and next-auth's redirect callback.

export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

// Any fixed origin will do for a caller that has none: only "same origin as the base" matters.
const PLACEHOLDER_ORIGIN = "http://tracker.invalid";

/**
 * `raw` parsed against `origin` the way a browser would (backslashes, tabs and newlines,
 * `//host`, `/\host`, absolute URLs…); kept only if it stays on that origin, and returned as a
 * path (pathname + search + hash) that no browser can read as another host. Anything else:
 * `fallback`.
 */
export function safeCallbackPath(raw: unknown, origin: string = PLACEHOLDER_ORIGIN, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return fallback;
  return path;
}
