// The address a request came from, for rate-limit keys and hashed access logs.
//
// Next.js gives handlers no socket address: it fills X-Forwarded-For with the peer's address
// only when the request has none, so a client talking to `next start` directly can put any
// value there. Behind a reverse proxy that REPLACES the header (nginx:
// `proxy_set_header X-Forwarded-For $remote_addr;`, see README "Operations") the value is the
// real client. Either way, limits keyed on this value must not be the only protection:
// sign-in attempts also need a per-account limit.

const MAX = 64;
const PLAUSIBLE = /^[0-9a-fA-F:.]+$/;

/** First X-Forwarded-For entry (or X-Real-IP), if it looks like an IP address; else "unknown". */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const candidates = [headers.get("x-forwarded-for")?.split(",")[0], headers.get("x-real-ip")];
  for (const raw of candidates) {
    const v = raw?.trim().replace(/^\[|\]$/g, "").slice(0, MAX + 1);
    if (v && v.length <= MAX && PLAUSIBLE.test(v)) return v.toLowerCase();
  }
  return "unknown";
}
