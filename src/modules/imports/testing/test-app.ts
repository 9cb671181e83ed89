import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Env for a test app whose uploads go to a fresh temporary data dir. */
export const importTestEnv = () => ({ TANDEM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-imports-')) });
