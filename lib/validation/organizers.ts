import { z } from "zod";
import { id } from "./common";

/** An admin's answer to a request to co-organize: which record, and which of their groups. */
export const organizerRequestSchema = z.object({ applicationId: id, groupId: id });
