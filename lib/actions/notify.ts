"use server";
// Settings of the notification channels: calendar feeds, Telegram, channels and digest, and
// the group admin's retry of a failed delivery. Each checks the caller; each acts on the
// caller's own records, or (retry) on a group the caller administers.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { guarded, invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { formToObject } from "../validation/form-data";
import { calendarFeedCreateSchema, calendarFeedRevokeSchema, channelsSchema, retryJobSchema } from "../validation/notify";
import { createCalendarFeed, feedPath, revokeCalendarFeed } from "../data/calendar-feeds";
import { disconnectTelegram, newTelegramCode, setChannelPreferences } from "../data/notify-preferences";
import { retryDeliveryJob } from "../data/delivery";
import { isAppError } from "../errors";
import type { ReminderChannel } from "../domain/reminders";

/** A new calendar feed; its URL (the secret in it) is handed back once, to copy into a calendar app. */
export async function createCalendarFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const raw = formToObject(formData);
    const parsed = calendarFeedCreateSchema.safeParse(raw);
    if (!parsed.success) return { ...invalid(parsed.error), data: { name: typeof raw.name === "string" ? raw.name : "" } };
    try {
      const created = await createCalendarFeed(actor, parsed.data.name);
      revalidatePath("/settings/calendar");
      return { ok: true, data: { path: feedPath(created.token), name: created.name } };
    } catch (e) {
      if (isAppError(e) && e.message === "too_many_feeds") return { ok: false, message: "too_many_feeds", data: { name: parsed.data.name } };
      throw e;
    }
  });
}

export async function revokeCalendarFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const parsed = calendarFeedRevokeSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalid(parsed.error);
    await revokeCalendarFeed(actor, parsed.data.id);
    revalidatePath("/settings/calendar");
    redirect("/settings/calendar?revoked=1");
  });
}

/** Which channels carry the caller's reminders, the weekly digest, and private titles in Telegram. */
export async function updateChannelsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = channelsSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const channels: ReminderChannel[] = [];
    if (parsed.data.email) channels.push("email");
    if (parsed.data.telegram) channels.push("telegram");
    await setChannelPreferences(actor.userId, { channels, weeklyDigest: Boolean(parsed.data.digest), telegramPrivateTitles: Boolean(parsed.data.privateTitles) });
    revalidatePath("/settings");
    return { ok: true, message: "channels_saved" };
  });
}

/** A one-time code to send to the bot; shown once, valid 15 minutes. */
export async function createTelegramCodeAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const { code, expiresAt } = await newTelegramCode(actor.userId);
    return { ok: true, data: { code, expiresAt: expiresAt.toISOString() } };
  });
}

export async function unlinkTelegramAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    await disconnectTelegram(actor.userId);
    revalidatePath("/settings");
    return { ok: true, message: "telegram_unlinked" };
  });
}

/** A group admin runs a failed or retrying job again now. */
export async function retryDeliveryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = retryJobSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await retryDeliveryJob(actor, parsed.data.groupId, parsed.data.jobId);
    revalidatePath("/settings/delivery");
    return { ok: true, message: "retry_queued" };
  });
}
