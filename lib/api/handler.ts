import "server-only";
// The frame of every /api/v1 request: language, caller (anonymous or token), rate limit,
// and every failure turned into a JSON error with the right status.
import { resolveApiCaller, type ApiCaller } from "../auth/api-token";
import { consume, retryAfter } from "../rate-limit";
import type { Locale } from "../i18n/config";
import { ApiError, errorResponse } from "./errors";
import { requestLocale, translator, type Translate } from "./i18n";

export interface ApiContext extends ApiCaller {
  req: Request;
  url: URL;
  locale: Locale;
  t: Translate;
}

/** The client's address as the proxy reports it; one shared bucket when there is none. */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "unknown";
}

async function limit(key: string): Promise<void> {
  if (!(await consume("api", key))) {
    throw new ApiError(429, "rate_limited", { headers: { "retry-after": String(Math.max(1, await retryAfter("api", key))) } });
  }
}

export async function runApi(req: Request, body: (ctx: ApiContext) => Promise<Response>): Promise<Response> {
  const locale = requestLocale(req);
  const t = translator(locale, "api");
  try {
    const ipKey = `ip:${clientAddress(req)}`;
    let caller: ApiCaller;
    try {
      caller = await resolveApiCaller(req);
    } catch (e) {
      // Failed token attempts count against the address, so guessing is throttled too.
      await limit(ipKey);
      throw e;
    }
    await limit(caller.tokenId ? `token:${caller.tokenId}` : ipKey);
    return await body({ ...caller, req, url: new URL(req.url), locale, t });
  } catch (e) {
    return errorResponse(e, t, translator(locale, "errors"));
  }
}

/** A JSON body that no shared cache keeps: what it holds depends on the caller's token. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("cache-control")) headers.set("cache-control", "private, no-store");
  headers.set("vary", "Authorization");
  return Response.json(data, { ...init, headers });
}
