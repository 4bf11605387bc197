import "server-only";
import { ConflictError, NotFoundError } from "../errors";

interface VersionedDelegate {
  updateMany(args: { where: { id: string; version: number }; data: Record<string, unknown> }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string } }): Promise<unknown>;
}

/**
 * Saves only if nobody saved since `version` was read; otherwise throws a ConflictError
 * carrying the record as it is now, so the form can show both and lose neither.
 */
export async function updateVersioned(
  delegate: VersionedDelegate,
  id: string,
  version: number,
  data: Record<string, unknown>,
): Promise<void> {
  const { count } = await delegate.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 1) return;
  const current = await delegate.findUnique({ where: { id } });
  if (!current) throw new NotFoundError();
  throw new ConflictError(current);
}

/**
 * A form as submitted (`mine`) and as it was loaded (`base`, from its hidden "base" field,
 * see parseBase): when someone saved in between, the two edits are merged against the base.
 */
export interface SubmittedEdit {
  mine: Record<string, unknown>;
  base: Record<string, unknown> | null;
}
