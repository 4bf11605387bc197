// How large an upload may be. No imports: the proxy (which refuses an oversized body before
// anything reads it) and the upload route read the same numbers.

const MB = 1024 * 1024;

function megabytes(raw: string | undefined, fallback: number): number {
  const n = Number((raw ?? "").trim());
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** TRACKER_MAX_UPLOAD_MB: the largest single file (default 25 MB). */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Math.floor(megabytes(env.TRACKER_MAX_UPLOAD_MB, 25) * MB);
}

/**
 * TRACKER_MAX_UPLOAD_REQUEST_MB: the largest upload request, all files together (default
 * four files' worth, at least 100 MB): a phone sending a dozen photos of a long ruling fits.
 */
export function maxRequestBytes(env: NodeJS.ProcessEnv = process.env): number {
  const fallback = Math.max(100, (4 * maxFileBytes(env)) / MB);
  return Math.floor(megabytes(env.TRACKER_MAX_UPLOAD_REQUEST_MB, fallback) * MB);
}

/** The upload route's path: the one place a body may be larger than a form's. */
export const UPLOAD_PATH = "/files";
