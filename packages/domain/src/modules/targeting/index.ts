// Targeting: the PMT formula as data, scoring a ciblage household, ranking a village against its quota.
export * from './pmt-formula';
export { indicatorValue } from './pmt-indicators';
export * from './pmt-score';
export * from './ranking';
export { demoPmtFormula } from './demo-formula';
