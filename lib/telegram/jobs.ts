// The Telegram poller as a recurring job: "telegram.poll" is enqueued once a minute (its key
// names the minute, so many workers enqueue it once) and a job is held by one worker at a time,
// so at most one process long-polls getUpdates. Each run polls for under a minute, then the next
// minute's job takes over, on whichever worker claims it. Not registered with a webhook set
// (Telegram refuses getUpdates then) nor without a token.
import { env } from "../env";
import { registerHandler, registerRecurring } from "../jobs";
import { pollTelegram } from "./index";

export const POLL_KIND = "telegram.poll";
export const POLL_INTERVAL_MS = 60_000;
const POLL_FOR_MS = 45_000;

export function registerTelegramJobs(): void {
  if (!env.telegramBotToken || env.telegramWebhookSecret) return;
  registerRecurring(POLL_KIND, POLL_INTERVAL_MS);
  registerHandler(POLL_KIND, async (_job, ctx) => {
    await pollTelegram(ctx.db, { forMs: POLL_FOR_MS });
    // A row a minute: keep the last hour's, not the 90 days finished jobs are kept for.
    await ctx.db.job.deleteMany({ where: { kind: POLL_KIND, status: { in: ["done", "dropped"] }, finishedAt: { lt: new Date(ctx.now.getTime() - 3_600_000) } } });
  });
}
