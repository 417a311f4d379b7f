import { errorEnvelopeSchema, mutationGapErrorSchema } from './messages/error-envelope';
import {
  deviceRegistrationRequestSchema,
  deviceRegistrationResponseSchema,
  loginRequestSchema,
  sessionResponseSchema,
} from './messages/auth';
import { mutationSchema } from './messages/mutation';
import { mutationResultSchema } from './messages/mutation-result';
import { pullQuerySchema, pullResponseSchema } from './messages/pull';
import { pushRequestSchema, pushResponseSchema } from './messages/push';

/**
 * Every message on the wire, by name. The protocol-version test hashes their JSON Schemas: add a
 * message here when you add one to the protocol. Only what a tablet sends or reads belongs here: admin
 * answers such as `importSummarySchema` are not the tablet's protocol and change without a bump.
 */
export const wireSchemas = {
  pushRequest: pushRequestSchema,
  pushResponse: pushResponseSchema,
  mutation: mutationSchema,
  mutationResult: mutationResultSchema,
  mutationGapError: mutationGapErrorSchema,
  pullQuery: pullQuerySchema,
  pullResponse: pullResponseSchema,
  deviceRegistrationRequest: deviceRegistrationRequestSchema,
  deviceRegistrationResponse: deviceRegistrationResponseSchema,
  loginRequest: loginRequestSchema,
  sessionResponse: sessionResponseSchema,
  errorEnvelope: errorEnvelopeSchema,
} as const;
