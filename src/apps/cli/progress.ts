import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Moves to `done` of `total` (total may change as it becomes known). */
  update(done: number, total?: number, note?: string): void;
  stop(summary?: string): void;
}

/**
 * A progress bar on a terminal, plain lines elsewhere (CI logs, pipes), always on stderr so
 * stdout stays clean for data (`tandem export … > out.csv`).
 */
export function progress(label: string, total = 0): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} {note}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(total, 0, { note: '' });
    return {
      update: (done, t, note) => {
        if (t !== undefined) bar.setTotal(t);
        bar.update(done, { note: note ?? '' });
      },
      stop: (summary) => {
        bar.stop();
        if (summary) process.stderr.write(`${summary}\n`);
      },
    };
  }
  let lastPrint = 0;
  let max = total;
  return {
    update(done, t, note) {
      if (t !== undefined) max = t;
      if (Date.now() - lastPrint < 2000 && done < max) return;
      lastPrint = Date.now();
      process.stderr.write(`${label}: ${done}/${max}${max ? ` (${Math.round((done / max) * 100)}%)` : ''}${note ? ` ${note}` : ''}\n`);
    },
    stop: (summary) => summary && process.stderr.write(`${summary}\n`),
  };
}
