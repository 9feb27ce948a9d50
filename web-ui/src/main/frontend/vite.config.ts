import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The production build goes straight into the module's classes so Spring Boot serves it from the jar at "/".
const outDir = fileURLToPath(new URL('../../../target/classes/static', import.meta.url));
const backend = process.env.TRENDLINE_URL ?? 'http://localhost:8080';

export default defineConfig({
  base: './',
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for server components; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` serves the app with hot reload and hands API calls to a running Trendline.
    proxy: {
      '/api': backend,
      '/actuator': backend,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
