import type { Json } from '@jigi/sync';
import { errorCatalogue, type ErrorCode } from './catalogue';

/**
 * An expected failure that ends a request with the error envelope. Services return result values;
 * route handlers turn the failures they cannot answer otherwise into an AppError.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: Record<string, Json> | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      details?: Record<string, Json>;
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? errorCatalogue[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = errorCatalogue[code].status;
    this.details = options.details;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The wire envelope of an AppError. */
export function errorEnvelope(error: AppError): {
  error: {
    code: string;
    kind: string;
    message: string;
    retryAfterMs?: number;
    details?: Record<string, Json>;
  };
} {
  return {
    error: {
      code: error.code,
      kind: errorCatalogue[error.code].kind,
      message: error.message,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}
