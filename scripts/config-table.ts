/**
 * Prints every setting as a markdown table for docs/operations.md:
 *   npx tsx scripts/config-table.ts
 * Defaults are read from each setting's zod schema, so the table cannot drift from settings.ts.
 */
import { type Setting, settings } from '../src/kernel/config/settings.ts';

function defaultOf(s: Setting): string {
  const parsed = s.schema.safeParse(undefined);
  if (!parsed.success || parsed.data === undefined) return '(unset)';
  if (parsed.data === '') return '(empty)';
  return `\`${String(parsed.data)}\``;
}

const cell = (v: string) => v.replaceAll('|', '\\|');
const lines = ['| variable | flag | default | secret | what it does |', '| --- | --- | --- | --- | --- |'];
for (const s of Object.values(settings) as Setting[]) {
  lines.push(`| \`${s.env}\` | ${s.flag ? `\`--${s.flag}\`` : ''} | ${defaultOf(s)} | ${s.secret ? 'yes' : ''} | ${cell(s.description)} |`);
}
console.log(lines.join('\n'));
