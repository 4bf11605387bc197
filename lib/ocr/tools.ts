// The programs the OCR runs: Debian's Tesseract (tesseract-ocr with rus, kaz and eng data) and
// poppler (pdftotext, pdftoppm). They are found on PATH unless an env var names them
// (TRACKER_TESSERACT, TRACKER_PDFTOTEXT, TRACKER_PDFTOPPM; a path to a missing file means
// "not installed", which is how the tests check the unavailable case). Each runs with execFile
// (no shell, arguments as a list), a timeout and a bounded output.
import { execFile } from "node:child_process";

export const OCR_LANGUAGES = ["rus", "kaz", "eng"] as const;

export interface OcrTools {
  tesseract: string;
  pdftotext: string;
  pdftoppm: string;
}

export function ocrTools(env: NodeJS.ProcessEnv = process.env): OcrTools {
  return {
    tesseract: env.TRACKER_TESSERACT?.trim() || "tesseract",
    pdftotext: env.TRACKER_PDFTOTEXT?.trim() || "pdftotext",
    pdftoppm: env.TRACKER_PDFTOPPM?.trim() || "pdftoppm",
  };
}

/** Seconds one program may run (one page's OCR, one page's rendering). */
export function ocrTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.TRACKER_OCR_TIMEOUT_SECONDS);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 120_000;
}

export class ToolError extends Error {
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message);
    this.name = "ToolError";
  }
}

/** Runs a program without a shell; resolves with its standard output. */
export function run(file: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? ocrTimeoutMs(),
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
        windowsHide: true,
        // One thread each: the server's cores are shared with the app, and several jobs may run.
        // Not the app's environment (its secrets): only what the programs need.
        env: toolEnv(),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        const name = file.split("/").pop() ?? file;
        if (code === "ENOENT" || code === "EACCES") return reject(new ToolError(`${name} is not installed`, true));
        if ((error as { killed?: boolean }).killed) return reject(new ToolError(`${name} took too long`));
        const detail = String(stderr || error.message).trim().split("\n").pop() ?? "";
        reject(new ToolError(`${name} failed${detail ? `: ${detail.slice(0, 200)}` : ""}`));
      },
    );
  });
}

function toolEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8", OMP_THREAD_LIMIT: "1" };
  if (process.env.TESSDATA_PREFIX) env.TESSDATA_PREFIX = process.env.TESSDATA_PREFIX;
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  return env as NodeJS.ProcessEnv;
}

export interface OcrAvailability {
  available: boolean;
  /** The Tesseract languages used, e.g. "rus+kaz+eng". */
  languages: string;
  /** Why not, when not available. */
  reason: string;
}

let cached: { key: string; at: number; value: OcrAvailability } | null = null;

/**
 * Whether this server can read documents: tesseract answers --version and has at least one
 * of our languages, and pdftotext/pdftoppm answer. Remembered for a minute (an admin who
 * installs the packages sees it work without a restart).
 */
export async function ocrAvailability(env: NodeJS.ProcessEnv = process.env): Promise<OcrAvailability> {
  const tools = ocrTools(env);
  const key = JSON.stringify(tools);
  if (cached && cached.key === key && Date.now() - cached.at < 60_000) return cached.value;
  const value = await probe(tools);
  cached = { key, at: Date.now(), value };
  return value;
}

async function probe(tools: OcrTools): Promise<OcrAvailability> {
  const no = (reason: string): OcrAvailability => ({ available: false, languages: "", reason });
  try {
    await run(tools.tesseract, ["--version"], { timeoutMs: 15_000 });
    const listed = await run(tools.tesseract, ["--list-langs"], { timeoutMs: 15_000 });
    const have = new Set(listed.split(/\s+/));
    const languages = OCR_LANGUAGES.filter((l) => have.has(l));
    if (!languages.length) return no(`tesseract has none of the languages ${OCR_LANGUAGES.join(", ")}`);
    await run(tools.pdftotext, ["-v"], { timeoutMs: 15_000 });
    await run(tools.pdftoppm, ["-v"], { timeoutMs: 15_000 });
    return { available: true, languages: languages.join("+"), reason: "" };
  } catch (e) {
    return no(e instanceof Error ? e.message : String(e));
  }
}
