import { createContext, useContext } from 'react';

/** The supervisor's bearer token (the device token of their login), provided once by the console. */
export const ApiTokenContext = createContext<string | null>(null);

export function useApiToken(): string {
  const token = useContext(ApiTokenContext);
  if (token === null) throw new Error('useApiToken outside the supervisor console');
  return token;
}
