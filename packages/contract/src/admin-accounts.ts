import { userRoles } from '@jigi/sync';
import { z } from 'zod';
import { pageOf, pageQuerySchema, searchTextSchema } from './admin-common';

// Accounts and tablets as the back office reads and writes them (routes/admin on the server).

const zoneCodeSchema = z.string().trim().min(1, 'zone vide').max(200);

/** A zone of an account: its code (an admin-area code or a village id) and its name for people. */
export const zoneSchema = z.object({ code: z.string(), label: z.string() });
export type Zone = z.infer<typeof zoneSchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  zones: z.array(zoneSchema),
  active: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const usersQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema,
  role: z.enum(userRoles).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UsersQuery = z.input<typeof usersQuerySchema>;
export const usersPageSchema = pageOf(adminUserSchema);
export type UsersPage = z.infer<typeof usersPageSchema>;

const passwordSchema = z
  .string()
  .min(8, 'mot de passe : 8 caractères au moins')
  .max(200, 'mot de passe : 200 caractères au plus');

export const newUserSchema = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'login : 3 à 40 caractères parmi a-z, 0-9, . _ -'),
  name: z.string().trim().min(1, 'nom obligatoire').max(200),
  role: z.enum(userRoles),
  /** Codes chosen by name in the console; the server checks each one exists. */
  zones: z.array(zoneCodeSchema).max(200),
  password: passwordSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

/** Role, zones, name, active, or a new password (a reset): only what is sent changes. */
export const userPatchSchema = z.object({
  name: z.string().trim().min(1, 'nom obligatoire').max(200).optional(),
  role: z.enum(userRoles).optional(),
  zones: z.array(zoneCodeSchema).max(200).optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UserPatch = z.infer<typeof userPatchSchema>;

/**
 * A tablet, named for its user: « Tablette de Awa Traoré n° 2 » (the second this user registered).
 * Its id stays out of sight on screens; the label is what the tablet said when it registered.
 */
export const adminDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  userId: z.string(),
  userName: z.string(),
  userLogin: z.string(),
  registeredAt: z.string(),
  lastSyncAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Changes the tablet said it still held at its last sync; null until a tablet reports it. */
  unsyncedReported: z.number().int().nullable(),
  /** Changes of this tablet the server refused (quarantine). */
  rejections: z.number().int(),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

export const devicesQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema,
  status: z.enum(['active', 'revoked']).optional(),
});
export type DevicesQuery = z.input<typeof devicesQuerySchema>;
export const devicesPageSchema = pageOf(adminDeviceSchema);
export type DevicesPage = z.infer<typeof devicesPageSchema>;
