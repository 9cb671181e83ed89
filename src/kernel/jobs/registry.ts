import { AppError } from '../errors.ts';
import type { JobDefinition } from './define-job.ts';

const definitions = new Map<string, JobDefinition>();

/** Makes job definitions runnable by workers in this process. */
export function registerJobs(...defs: JobDefinition[]) {
  for (const def of defs) definitions.set(def.id, def as JobDefinition);
}

export function jobDefinition(id: string): JobDefinition {
  const def = definitions.get(id);
  if (!def) throw new AppError('internal', `No job definition registered for ${id}`);
  return def;
}

export const registeredJobNames = () => [...definitions.keys()];
