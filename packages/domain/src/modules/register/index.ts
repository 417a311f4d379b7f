// The register of beneficiary households: states, exit reasons, recipients, the planned end.
export * from './register';
export * from './duplicate-precheck';
