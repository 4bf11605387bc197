// JSON errors for the open data API and the download routes: one shape everywhere,
// { error: { code, message, issues? } }, with the status a client can act on.
import { z } from "zod";
import { isAppError } from "../errors";
import type { Translate } from "./i18n";

export interface ApiIssue {
  parameter: string;
  code: string;
  message: string;
}

/** An error with its HTTP status, raised inside API handlers. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly options: { zod?: z.ZodError; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = "ApiError";
  }
}

export function jsonError(status: number, code: string, message: string, extra: { issues?: ApiIssue[]; headers?: Record<string, string> } = {}): Response {
  return Response.json(
    { error: { code, message, ...(extra.issues ? { issues: extra.issues } : {}) } },
    { status, headers: { "cache-control": "no-store", ...extra.headers } },
  );
}

/**
 * zod issues as "which parameter, what is wrong", in the caller's language: the shared
 * form messages, or the API's own (api.issue.*) for what only the API checks.
 */
export function zodIssues(error: z.ZodError, tErrors: Translate, t: Translate): ApiIssue[] {
  return error.issues.map((i) => {
    const code = /^[a-z_]+$/.test(i.message) ? i.message : "invalid";
    const shared = tErrors(code);
    return { parameter: i.path.map(String).join(".") || "(query)", code, message: shared === code ? t(`issue.${code}`) : shared };
  });
}

/** 400: a query parameter (a filter, a page number) is not valid. */
export function badParameters(error: z.ZodError): ApiError {
  return new ApiError(400, "bad_parameter", { zod: error });
}

const APP_STATUS: Record<string, number> = { not_found: 404, forbidden: 403, unauthenticated: 401, rate_limited: 429, invalid: 400, conflict: 409 };

/**
 * Any thrown value → a JSON response. Expected errors carry their own status; anything
 * else is logged without the request and reported as a generic 500.
 */
export function errorResponse(e: unknown, t: Translate, tErrors: Translate): Response {
  if (e instanceof ApiError) {
    const issues = e.options.zod ? zodIssues(e.options.zod, tErrors, t) : undefined;
    const detail = issues?.map((i) => `${i.parameter}: ${i.message}`).join("; ");
    return jsonError(e.status, e.code, detail ? `${t(`error.${e.code}`)} ${detail}` : t(`error.${e.code}`), { issues, headers: e.options.headers });
  }
  if (e instanceof z.ZodError) return errorResponse(badParameters(e), t, tErrors);
  if (isAppError(e)) {
    const status = APP_STATUS[e.code] ?? 400;
    // The message may name a more precise reason ("bad_token") than the code.
    const detail = /^[a-z_]+$/.test(e.message) ? e.message : e.code;
    return jsonError(status, e.code, t(`error.${detail}`));
  }
  console.error("api request failed:", e instanceof Error ? e.message : "unknown error");
  return jsonError(500, "unexpected", t("error.unexpected"));
}
