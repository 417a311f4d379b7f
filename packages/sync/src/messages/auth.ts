import { z } from 'zod';
import { wireLimits } from '../limits';
import { instantSchema, opaqueIdSchema, shortStringSchema } from './common';

/** Roles (architecture §5). */
export const userRoles = [
  'admin',
  'supervisor',
  'enumerator',
  'facilitator',
  'field_agent',
] as const;
export type UserRole = (typeof userRoles)[number];

const passwordSchema = z.string().min(1).max(wireLimits.maxShortString);

/** Who is logged in, as clients see it. Zones are admin-area codes or village ids. */
export const sessionUserSchema = z.object({
  id: opaqueIdSchema,
  name: shortStringSchema,
  role: z.enum(userRoles),
  zones: z.array(z.string().min(1).max(wireLimits.maxIdLength)).max(wireLimits.maxZones),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** `POST /api/auth/device`: register a tablet for a user; the token is shown once. */
export const deviceRegistrationRequestSchema = z.object({
  login: shortStringSchema,
  password: passwordSchema,
  /** What the user calls the tablet ("Tablette 3 Koro"), shown to admins who revoke it. */
  deviceLabel: shortStringSchema,
});
export type DeviceRegistrationRequest = z.infer<typeof deviceRegistrationRequestSchema>;

/** `POST /api/auth/device` 200 answer. The device sends `Authorization: Bearer <deviceToken>`. */
export const deviceRegistrationResponseSchema = z.object({
  deviceId: opaqueIdSchema,
  deviceToken: z.string().min(20).max(wireLimits.maxShortString),
  user: sessionUserSchema,
  serverTime: instantSchema,
});
export type DeviceRegistrationResponse = z.infer<typeof deviceRegistrationResponseSchema>;

/** `POST /api/auth/login` (supervisors and admins in a browser; the session is an httpOnly cookie). */
export const loginRequestSchema = z.object({ login: shortStringSchema, password: passwordSchema });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Answer of `POST /api/auth/login` and `GET /api/auth/session`. */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  expiresAt: instantSchema,
  serverTime: instantSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
