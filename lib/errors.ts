// Expected errors: these reach the user (as a message key); anything else is logged and
// shown as a generic message.
export class AppError extends Error {
  constructor(
    public readonly code: "not_found" | "forbidden" | "conflict" | "invalid" | "unauthenticated" | "rate_limited" | "form_too_deep",
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}
export class NotFoundError extends AppError {
  constructor() {
    super("not_found");
  }
}
export class ForbiddenError extends AppError {
  constructor() {
    super("forbidden");
  }
}
/** Someone else saved a newer version of this record. */
export class ConflictError extends AppError {
  constructor(public readonly current: unknown = null) {
    super("conflict");
  }
}
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
