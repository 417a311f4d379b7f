// The push body is built by packages/sync (`client/push-body.ts`), which the storage layer and the
// reliability suite's simulated device use too. Named here for bench/src/load, which builds push
// bodies the way the tablet does.
export {
  batchHead,
  bodyMutationIds,
  pushBodyText,
  splitBodyText,
  toWireMutation,
  wireProblem,
  type BatchHead,
} from '@jigi/sync';
