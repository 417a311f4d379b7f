import { defineProject } from 'vitest/config';

// Only the benchmark's own logic (floor computation, gate, table) is unit-tested here; the
// benchmarks themselves run with `pnpm bench`, never in the test suite (timings flake on shared machines).
export default defineProject({ test: { name: 'bench', environment: 'node' } });
