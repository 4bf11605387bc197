// Settings forms of the notification channels (calendar feeds, Telegram, channels, delivery).
import { z } from "zod";
import { requiredLine, id } from "./common";

export const calendarFeedCreateSchema = z.object({ name: requiredLine(100) });
export const calendarFeedRevokeSchema = z.object({ id });

const box = z.literal("on").optional();
/** Unticked boxes are not posted: absent = off. */
export const channelsSchema = z.object({ email: box, telegram: box, digest: box, privateTitles: box });

export const retryJobSchema = z.object({ groupId: id, jobId: id });
