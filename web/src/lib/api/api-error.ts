/** The server's one error envelope: `{ error: { code, message, details, requestId } }`. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

interface Issue {
  path?: (string | number)[];
  message?: string;
}

/** An API failure with the server's stable code and a message written for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Seconds to wait, from a 429's details. */
  get retryAfterSeconds(): number | undefined {
    const d = this.details as { retryAfterSeconds?: unknown } | undefined;
    return typeof d?.retryAfterSeconds === 'number' ? d.retryAfterSeconds : undefined;
  }

  /** The message of the bad field named by `field` (validation issues or details.path), if any. */
  fieldError(field: string): string | undefined {
    const d = this.details as { issues?: Issue[]; path?: (string | number)[] } | undefined;
    const hit = d?.issues?.find((i) => i.path?.[i.path.length - 1] === field);
    if (hit) return hit.message;
    const p = d?.path;
    if (p && p[p.length - 1] === field) return this.message;
    return undefined;
  }
}

/** Builds an ApiError from a failed response, whatever its body looks like. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const e = (body as Partial<ErrorEnvelope> | undefined)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string')
    return new ApiError(res.status, e.code, e.message, e.details, e.requestId);
  if (res.status === 502 || res.status === 503 || res.status === 504)
    return new ApiError(res.status, 'unavailable', 'The Tandem server is not answering right now. Try again in a moment.');
  return new ApiError(
    res.status,
    'unexpected_response',
    `The server answered ${[res.status, res.statusText].filter(Boolean).join(' ')}. Try again.`,
  );
}

/** A message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong. Try again.';
}
