/** Shared by every bench: machine description, JSON results, and its own section of docs/benchmarks.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const docFile = path.join(repoRoot, 'docs/benchmarks.md');

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
}

/** What the numbers were measured on (they mean little without it). */
export function describeMachine(): Machine {
  let cpus = os.availableParallelism();
  try {
    cpus = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cpus;
  } catch {
    // nproc missing: the Node figure is the same thing on Linux.
  }
  return {
    cpus,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 10),
  };
}

export const machineLine = (m: Machine) => `${m.date} · ${m.cpus} cores (${m.cpuModel}) · ${m.memoryGiB} GiB · Node ${m.node} · ${m.os}`;

/** Writes bench/results/<name>.json (gitignored). */
export function writeResults(name: string, data: unknown) {
  const dir = path.join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

const docHeader = `# Benchmarks

Each benchmark is a program in \`bench/\` that builds its own data, runs a baseline and Tandem in the same run,
prints both and their ratio, and writes JSON to \`bench/results/\`. Each one rewrites only its own section
below (between its \`bench:<name>\` markers), so the figures are always the latest run of that bench, with the
machine it ran on. Run one with \`npx tsx bench/<name>.ts\`.
`;

/** Replaces (or appends) the section between `<!-- bench:name:start -->` and `<!-- bench:name:end -->`. */
export function updateBenchDoc(name: string, markdown: string) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(docFile) ? readFileSync(docFile, 'utf8') : docHeader;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) doc = doc.slice(0, a) + block + doc.slice(b + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  mkdirSync(path.dirname(docFile), { recursive: true });
  writeFileSync(docFile, doc);
  return docFile;
}

/** A markdown table from rows of cells. */
export function table(head: string[], rows: (string | number)[][]) {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
