import type { Ctx } from '../kernel/context.ts';

/**
 * One named step of a flow. `run` works inside the flow's transaction (`ctx.db` is it), so its
 * database writes are undone by the rollback when a later step fails; `compensate` undoes what the
 * transaction cannot (a file written, a message sent, a cache filled) and runs only for steps that
 * completed, newest first.
 */
export interface FlowStep<S> {
  name: string;
  run(ctx: Ctx, state: S): Promise<void>;
  compensate?(ctx: Ctx, state: S): Promise<void>;
}

/** A process that spans modules: a name and its steps, run in order over one state object. */
export interface Flow<S> {
  name: string;
  steps: FlowStep<S>[];
}

/** The error a flow rethrows carries the step it failed in, for logs (the error itself is unchanged). */
export interface FlowFailure {
  flow: string;
  step: string;
  /** Errors of compensations that failed too (they never replace the original error). */
  compensationErrors: unknown[];
}

const failures = new WeakMap<object, FlowFailure>();

/** Which flow step an error came from, when it came from one. */
export const flowFailureOf = (err: unknown): FlowFailure | undefined => (err && typeof err === 'object' ? failures.get(err) : undefined);

/**
 * Runs the steps in one transaction: all of them happen, or none (the rollback undoes the database
 * writes, then the completed steps' compensations run newest first; a failing compensation does not
 * hide the original error). Returns the state the steps filled in.
 */
export async function runFlow<S>(ctx: Ctx, flow: Flow<S>, state: S): Promise<S> {
  const done: FlowStep<S>[] = [];
  let current = '';
  try {
    await ctx.db.transaction(async (tx) => {
      const c: Ctx = { ...ctx, db: tx };
      for (const step of flow.steps) {
        current = step.name;
        await step.run(c, state);
        done.push(step);
      }
    });
    return state;
  } catch (err) {
    const failure: FlowFailure = { flow: flow.name, step: current, compensationErrors: [] };
    if (err && typeof err === 'object' && !failures.has(err)) failures.set(err, failure);
    for (const step of done.reverse()) await step.compensate?.(ctx, state).catch((e: unknown) => failure.compensationErrors.push(e));
    throw err;
  }
}
