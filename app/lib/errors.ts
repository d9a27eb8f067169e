/**
 * Typed domain errors. Modules throw these, never a Response; `toResponse` (errors.server.ts) maps them at the
 * edge. `messageKey` is an i18n key so the user reads the reason in their language.
 */
export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    /** Field-level errors (field name → i18n keys), shown beside the fields. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}
export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {}
export class InvalidInputError extends DomainError {}
export class PreconditionFailedError extends DomainError {}

export function statusOf(e: DomainError): number {
  if (e instanceof NotFoundError) return 404;
  if (e instanceof ForbiddenError) return 403;
  if (e instanceof ConflictError) return 409;
  if (e instanceof PreconditionFailedError) return 412;
  return 400;
}
