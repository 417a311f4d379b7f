/** Roles that capture records on a tablet (enumerator: ciblage, facilitator: MA, field agent: PNP and HIMO). */
export const captureRoles = ['enumerator', 'facilitator', 'field_agent'] as const;
export type CaptureRole = (typeof captureRoles)[number];

/** Roles that review what tablets send; the server lets them write records of every type. */
export const reviewerRoles = ['admin', 'supervisor'] as const;
export type ReviewerRole = (typeof reviewerRoles)[number];

/** Whether a role captures records (rather than reviewing them). */
export function isCaptureRole(role: string): role is CaptureRole {
  return (captureRoles as readonly string[]).includes(role);
}
