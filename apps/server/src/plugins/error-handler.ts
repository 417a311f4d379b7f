import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorEnvelope } from '../errors/app-error';
import { StoreUnavailableError } from '../storage/store-errors';
import { setSecurityHeaders } from './security-headers';

/**
 * Maps every failure to the wire envelope `{ error: { code, kind, message, details? } }` with a
 * stable code (docs/errors.md). Fastify's own errors (parsing, limits) are translated; anything else
 * is a bug: logged with its stack, answered as `internal` without leaking internals.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: { servePages?: boolean } = {},
): void {
  app.setErrorHandler((raw: FastifyError | AppError, request, reply) => {
    const error = raw instanceof AppError ? raw : translate(raw);
    if (error.code === 'internal') request.log.error({ err: raw }, 'unhandled error');
    else request.log.info({ code: error.code, status: error.statusCode }, error.message);
    if (error.retryAfterMs !== undefined)
      reply.header('retry-after', Math.ceil(error.retryAfterMs / 1000));
    return reply.code(error.statusCode).send(errorEnvelope(error));
  });
  // Fastify allows one not-found handler per prefix, so the PWA's client-side routes fall back to
  // index.html here rather than in the static plugin.
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/');
    if (options.servePages === true && isPage)
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const error = new AppError('route_not_found', {
      details: { method: request.method, url: request.url.split('?')[0] ?? '' },
    });
    return reply.code(error.statusCode).send(errorEnvelope(error));
  });
}

/**
 * Fastify's `frameworkErrors` option: the router refuses some URLs before any route, hook or error
 * handler runs (a path parameter over `maxParamLength`, percent-encoding that is not UTF-8), and
 * would answer them with its own body; this gives them the envelope and a stable code instead.
 */
export function answerRouterError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const url = (request.raw.url ?? '').split('?')[0]?.slice(0, 200) ?? '';
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('url_param_too_long', { details: { url }, cause: error })
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('invalid_url', { details: { url }, cause: error })
        : new AppError('internal', { cause: error });
  if (appError.code === 'internal') request.log.error({ err: error }, 'router error');
  else request.log.info({ code: appError.code, status: appError.statusCode }, appError.message);
  // This reply belongs to no route context, so the onSend hooks do not run for it.
  setSecurityHeaders(reply, request.raw.url ?? '');
  void reply.code(appError.statusCode).send(errorEnvelope(appError));
}

function translate(error: FastifyError): AppError {
  const cause = { cause: error };
  // The database went away mid-request: the transaction was rolled back, the client retries.
  if ((error as unknown) instanceof StoreUnavailableError)
    return new AppError('database_unavailable', { ...cause, retryAfterMs: 5_000 });
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
    return new AppError('body_too_large', cause);
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415)
    return new AppError('unsupported_media_type', cause);
  if (
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError
  )
    return new AppError('invalid_json', {
      ...cause,
      details: { reason: error.message.slice(0, 200) },
    });
  if (error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return new AppError('invalid_body', {
      ...cause,
      details: { reason: 'Content-Length ne correspond pas au corps reçu.' },
    });
  if (error.statusCode === 429) return new AppError('rate_limited', cause);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('invalid_body', {
      ...cause,
      details: { reason: error.message.slice(0, 200) },
    });
  return new AppError('internal', cause);
}
