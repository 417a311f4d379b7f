import type { TFunction } from 'i18next';
import type { ApiError } from '../api/http';

/** A server failure in French: what happened and what the supervisor can do. */
export function apiErrorText(error: ApiError, t: TFunction): string {
  switch (error.kind) {
    case 'offline':
      return t('errors.offline');
    case 'invalid':
      return t('errors.invalid');
    case 'http':
      if (error.status === 401) return t('errors.unauthorised');
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 409) return t('errors.conflict', { message: error.message });
      return t('errors.http', { status: error.status, message: error.message });
  }
}
