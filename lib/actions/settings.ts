"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { addHolidaySchema, changeRoleSchema, deadlineRuleSchema, removeHolidaySchema, removeMemberSchema } from "../validation/settings";
import { addHoliday, changeMemberRole, removeHoliday, removeMember, updateDeadlineRule } from "../data/settings";

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = changeRoleSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await changeMemberRole(actor, parsed.data);
    revalidatePath("/settings/members");
    return { ok: true, message: "role_changed" };
  });
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = removeMemberSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { removedSelf } = await removeMember(actor, parsed.data);
    revalidatePath("/settings/members");
    revalidatePath("/settings");
    // Someone who left the group can no longer see its member list.
    if (removedSelf) redirect("/settings");
    return { ok: true, message: "member_removed" };
  });
}

export async function updateDeadlineRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deadlineRuleSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await updateDeadlineRule(actor, parsed.data);
    revalidatePath("/settings/rules");
    revalidatePath("/dashboard");
    return { ok: true, message: "rule_saved" };
  });
}

export async function addHolidayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = addHolidaySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await addHoliday(actor, parsed.data);
    revalidatePath("/settings/holidays");
    revalidatePath("/dashboard");
    return { ok: true, message: "holiday_added" };
  });
}

export async function removeHolidayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = removeHolidaySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await removeHoliday(actor, parsed.data.id);
    revalidatePath("/settings/holidays");
    revalidatePath("/dashboard");
    return { ok: true, message: "holiday_removed" };
  });
}
