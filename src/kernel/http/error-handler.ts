import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, statusOf } from '../errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

const fastifyCodes: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['validation_failed', 'Content-Length does not match the body.'],
};

/** Turns any thrown error into the one error envelope, with the status from the code table. */
export function toErrorBody(err: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: statusOf(err.code),
      body: { error: { code: err.code, message: err.message, details: err.details, requestId: request.id } },
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const issues = err.validation.map((v) => {
      const p = (v.instancePath || '').split('/').filter(Boolean);
      const keys = (v.params as { keys?: string[] } | undefined)?.keys;
      return {
        path: [where, ...p, ...(keys?.length === 1 ? keys : [])],
        message: v.message ?? 'invalid',
        ...(keys && keys.length > 1 ? { keys } : {}),
      };
    });
    const first = issues[0];
    const message = first ? `Invalid ${first.path.join('.')}: ${first.message}` : 'The request is invalid.';
    return { status: 400, body: { error: { code: 'validation_failed', message, details: { issues }, requestId: request.id } } };
  }
  const fe = err as FastifyError;
  const mapped = fe.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) return { status: statusOf(mapped[0]), body: { error: { code: mapped[0], message: mapped[1], requestId: request.id } } };
  if (isResponseSerializationError(err)) request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
  else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, body: { error: { code: 'bad_request', message: fe.message, requestId: request.id } } };
  else request.log.error({ err }, 'unhandled error');
  return {
    status: 500,
    body: {
      error: {
        code: 'internal',
        message: 'Something went wrong on our side. The error was logged with this request id.',
        requestId: request.id,
      },
    },
  };
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorBody(err, request);
  const retry = (body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (status === 429 && retry) reply.header('retry-after', String(retry));
  return reply.status(status).send(body);
}
