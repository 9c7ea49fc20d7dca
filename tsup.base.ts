import { defineConfig, type Options } from 'tsup';

/** The build every package shares: ESM + CJS + .d.ts from src/index.ts, for Node 20. */
export const baseOptions: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
};

export default defineConfig(baseOptions);
