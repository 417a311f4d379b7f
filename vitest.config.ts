import { defineConfig } from 'vitest/config';

// The root run is the whole suite (README's test command): every workspace is a project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'reliability', 'e2e'],
  },
});
