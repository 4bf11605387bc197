// What happened around an application: held, not held, pressure to withdraw …
import { z } from "zod";
import { EVENT_KINDS } from "../domain/vocabulary";
import { choice, id, optionalDate, optionalInt, precision, text } from "./common";

export const eventFields = z.object({
  kind: choice(EVENT_KINDS),
  occurredOn: optionalDate.prefault(""),
  occurredOnPrecision: precision,
  description: text().prefault(""),
  // The officials' words, verbatim: the reason given in a meeting is often not the one written later.
  statedReason: text().prefault(""),
  participants: optionalInt(0, 10_000_000).prefault(""),
});

export const addEventSchema = eventFields.extend({ applicationId: id });
export const updateEventSchema = eventFields.extend({ id });

export type EventInput = z.infer<typeof eventFields>;
export type AddEventInput = z.infer<typeof addEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
