import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory of this package, found by walking up from this module to the package.json named
 * `@sid/mineflayer` (the module sits at different depths in `src/` and in `dist/`).
 */
export function packageRoot(): string {
  // CJS builds have __dirname and no import.meta.url; ESM is the other way round.
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === '@sid/mineflayer') return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('cannot find the @sid/mineflayer package directory');
}
