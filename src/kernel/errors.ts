/**
 * The one error type. `code` is stable and machine-readable; `message` says what was wrong and how
 * to fix it; `details` carries the path of the bad field or the conflicting record.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The code → HTTP status table. Modules add their codes with `registerErrorCodes`. */
const statusByCode = new Map<string, number>(
  Object.entries({
    validation_failed: 400,
    invalid_json: 400,
    config_invalid: 500,
    unauthenticated: 401,
    invalid_credentials: 401,
    session_expired: 401,
    api_key_invalid: 401,
    api_key_revoked: 401,
    forbidden: 403,
    csrf_failed: 403,
    setup_token_invalid: 403,
    not_found: 404,
    route_not_found: 404,
    user_not_found: 404,
    invite_not_found: 404,
    api_key_not_found: 404,
    webhook_not_found: 404,
    delivery_not_found: 404,
    job_not_found: 404,
    team_not_found: 404,
    method_not_allowed: 405,
    conflict: 409,
    already_set_up: 409,
    email_taken: 409,
    already_member: 409,
    idempotency_in_progress: 409,
    job_not_retryable: 409,
    job_not_cancellable: 409,
    last_admin: 409,
    invite_expired: 410,
    payload_too_large: 413,
    unsupported_media_type: 415,
    idempotency_key_reused: 422,
    signature_invalid: 401,
    rate_limited: 429,
    internal: 500,
    unavailable: 503,
  }),
);

export function registerErrorCodes(codes: Record<string, number>) {
  for (const [code, status] of Object.entries(codes)) statusByCode.set(code, status);
}

export function statusOf(code: string): number {
  return statusByCode.get(code) ?? (code.endsWith('_not_found') ? 404 : 400);
}

export const errorCodes = () => Object.fromEntries(statusByCode);

export const notFound = (what: string, id: string) =>
  new AppError(`${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id ${id} in this workspace.`, { id });
