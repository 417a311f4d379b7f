import { defineConfig } from 'vitest/config';

// The root run is the whole suite (README's test command): every workspace is a project. bench's
// project is its harness logic only (gate, floor, tables, peers on tiny sets); `pnpm bench` measures.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'reliability', 'bench', 'e2e'],
  },
});
