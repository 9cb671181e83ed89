import os from 'node:os';
import path from 'node:path';

/** Where workspace exports are written: `<data dir>/exports` (a temp folder for in-memory test databases). */
export function exportsDir(dataDir: string): string {
  return path.resolve(dataDir === ':memory:' ? path.join(os.tmpdir(), 'tandem') : dataDir, 'exports');
}
