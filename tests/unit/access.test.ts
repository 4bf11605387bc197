import { describe, expect, it } from "vitest";
import { canEditSharedReference, can, requireRole, visibleWhere, type Actor } from "@/lib/auth/access";

const admin: Actor = { userId: "u1", name: "A", email: "aigul@example.org", isOperator: false, memberships: [{ groupId: "g1", role: "admin", groupName: "G1", groupSlug: "g1" }] };
const editor: Actor = { userId: "u2", name: "E", email: "erlan@example.org", isOperator: false, memberships: [{ groupId: "g1", role: "editor", groupName: "G1", groupSlug: "g1" }] };

describe("who may do what", () => {
  it("ranks roles within a group and knows nothing of other groups", () => {
    expect(can(editor, "g1", "viewer")).toBe(true);
    expect(can(editor, "g1", "admin")).toBe(false);
    expect(can(editor, "g2", "viewer")).toBe(false);
    expect(() => requireRole(editor, "g2", "viewer")).toThrow("not_found");
    expect(() => requireRole(editor, "g1", "admin")).toThrow("forbidden");
  });

  it("shows public records and the caller's groups' own", () => {
    expect(visibleWhere(null)).toEqual({ OR: [{ isPublic: true }, { groupId: { in: [] } }] });
    expect(visibleWhere(editor)).toEqual({ OR: [{ isPublic: true }, { groupId: { in: ["g1"] } }] });
  });

  it("lets only the server's operators edit the shared legal reference data, never a group admin as such", () => {
    expect(canEditSharedReference(admin, [])).toBe(false);
    expect(canEditSharedReference(editor, [])).toBe(false);
    expect(canEditSharedReference(null, [])).toBe(false);
    expect(canEditSharedReference(admin, ["ops@example.org"])).toBe(false);
    expect(canEditSharedReference(editor, ["erlan@example.org"])).toBe(true);
    expect(canEditSharedReference({ ...editor, isOperator: true }, [])).toBe(true);
  });
});
