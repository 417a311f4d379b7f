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
import { pullConflictDataSchema, pullTaskDataSchema } from './messages/pull-payloads';
import { pushEnvelopeSchema, pushRequestSchema, pushResponseSchema } from './messages/push';

/**
 * Every message on the wire, by name. The protocol-version test hashes their JSON Schemas: add a
 * message here when you add one to the protocol. Only what a tablet sends or reads belongs here: admin
 * answers such as `importSummarySchema` are not the tablet's protocol and change without a bump.
 */
export const wireSchemas = {
  pushRequest: pushRequestSchema,
  /** How the server reads a push before each mutation is checked on its own. */
  pushEnvelope: pushEnvelopeSchema,
  pushResponse: pushResponseSchema,
  mutation: mutationSchema,
  mutationResult: mutationResultSchema,
  mutationGapError: mutationGapErrorSchema,
  pullQuery: pullQuerySchema,
  pullResponse: pullResponseSchema,
  /** `data` of the pulled `task` and `conflict` changes. */
  pullTaskData: pullTaskDataSchema,
  pullConflictData: pullConflictDataSchema,
  deviceRegistrationRequest: deviceRegistrationRequestSchema,
  deviceRegistrationResponse: deviceRegistrationResponseSchema,
  loginRequest: loginRequestSchema,
  sessionResponse: sessionResponseSchema,
  errorEnvelope: errorEnvelopeSchema,
} as const;
