import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InboundKind, parseInbound } from './parse-inbound.ts';

/**
 * Every message of ../shared/data/bounces (sisimai and flanker corpora) against the classification their upstream
 * tests assert (manifest.json). A message agrees when the kinds of its recipients match (as a set), and its recipients and enhanced
 * status codes too where the manifest gives them (sisimai's private x.0.9xx codes are not compared).
 */
const dir = join(import.meta.dirname, '../../../../../shared/data/bounces');

interface Expected {
  status: string | null;
  reason: string;
  hardbounce: boolean;
}
interface Item {
  file: string;
  classification: string;
  expected: Expected[] | null;
  recipients_extracted_by_us: string[] | null;
}

const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { items: Item[] };

function expectedKinds(item: Item): InboundKind[] {
  if (item.classification === 'not_bounce') return ['reply'];
  return (item.expected ?? []).map((e) =>
    e.reason === 'feedback'
      ? 'complaint'
      : e.reason === 'vacation'
        ? 'auto_reply'
        : e.reason === 'delivered'
          ? 'unknown'
          : e.hardbounce
            ? 'hard'
            : 'soft',
  );
}

/**
 * Deliberate differences: the remote server said "unknown user" / "user unknown", which we treat as a hard bounce
 * (the address does not exist); sisimai files these under `filtered` (soft) from the carrier's other signals.
 */
const deliberate = new Set(['lhost-amazonses-02.eml', 'rfc3464-35.eml']);

describe('bounce corpus', async () => {
  const outcomes = await Promise.all(
    manifest.items.map(async (item) => {
      const parsed = await parseInbound(readFileSync(join(dir, item.file)));
      const got = parsed.results;
      const problems: string[] = [];
      const kinds = [...new Set(got.map((r) => r.kind))].sort();
      const want = [...new Set(expectedKinds(item))].sort();
      if (JSON.stringify(kinds) !== JSON.stringify(want)) problems.push(`kinds ${kinds} ≠ ${want}`);
      if (item.recipients_extracted_by_us) {
        const rs = [...new Set(got.map((r) => r.recipient))].sort();
        const wantRs = [...new Set(item.recipients_extracted_by_us.map((r) => r.toLowerCase()))].sort();
        if (JSON.stringify(rs) !== JSON.stringify(wantRs)) problems.push(`recipients ${rs} ≠ ${wantRs}`);
      }
      const standard = (item.expected ?? []).map((e) => e.status).filter((s): s is string => Boolean(s && !/\.9\d\d$/.test(s)));
      const statuses = got.map((r) => r.status);
      for (const s of standard) if (!statuses.includes(s)) problems.push(`status ${s} not in ${statuses}`);
      return { file: item.file, problems };
    }),
  );
  const agree = outcomes.filter((o) => !o.problems.length).length;
  const total = manifest.items.length;

  it(`agrees with the upstream classification on ${agree} of ${total} messages`, () => {
    const differ = outcomes.filter((o) => o.problems.length);
    for (const d of differ) console.log(`${d.file}: ${d.problems.join('; ')}`);
    expect(total).toBe(46);
    expect(differ.map((d) => d.file).sort()).toEqual([...deliberate].sort());
  });
});
