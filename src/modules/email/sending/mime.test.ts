import fc from 'fast-check';
import libqp from 'libqp';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime } from './mime.ts';
import { encodeWords, formatAddress, headerLine, quotedPrintable } from './mime-encode.ts';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

describe('quoted-printable', () => {
  it('round-trips any text, keeps lines within 76 characters and never starts a line with a dot', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('.', '..', '\n.', '\n', '\r\n', ' \n', '\t\n', '=', '=3D', 'ü', '€', '😀', ' ', 'x'.repeat(90)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const out = quotedPrintable(text).toString('latin1');
        for (const line of out.split('\r\n')) {
          expect(line.length).toBeLessThanOrEqual(76);
          expect(line.startsWith('.')).toBe(false);
          expect(/[ \t]$/.test(line)).toBe(false);
        }
        expect(out.includes('\n') && /[^\r]\n/.test(out)).toBe(false);
        expect(libqp.decode(out).toString('utf8')).toBe(crlf(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('headers', () => {
  it('encodes non-ASCII words, quotes specials and folds long values', async () => {
    expect(encodeWords('Plain subject')).toBe('Plain subject');
    expect(formatAddress('a@example.com', 'Ann Lee')).toBe('Ann Lee <a@example.com>');
    expect(formatAddress('a@example.com', 'Lee, Ann "AL"')).toBe('"Lee, Ann \\"AL\\"" <a@example.com>');
    expect(formatAddress('a@bücher.de')).toBe('a@xn--bcher-kva.de');
    const long = headerLine('List-Unsubscribe', `<https://t.example/u/${'x'.repeat(60)}>, <mailto:u@t.example?subject=u>`);
    expect(long.split('\r\n').length).toBeGreaterThan(1);
    for (const l of long.split('\r\n').slice(1)) expect(l.startsWith(' ')).toBe(true);
  });

  it('builds a message that a mail parser reads back field by field', async () => {
    const subject = `Grüße aus Köln — ${'ein langer Betreff '.repeat(5)}😀`;
    const html = `<p>Hallo Jürgen,</p>\n.\n<a href="https://example.org/?a=1&amp;b=2">Link</a>${'<span>x</span>'.repeat(40)}`;
    const raw = await buildMime({
      id: '0199a0c4-0000-7000-8000-000000000001',
      from: { name: 'Müller & Söhne, GmbH', address: 'news@example.com' },
      to: 'jurgen@example.org',
      replyTo: 'reply@example.com',
      subject,
      html,
      text: 'Hallo Jürgen,\n.\nLink: https://example.org/?a=1&b=2',
      unsubscribe: { url: `https://t.example/u/${'t'.repeat(120)}`, mailto: 'mailto:unsubscribe@t.example?subject=unsubscribe' },
      listId: '<news.abc.list-id.t.example>',
      host: 't.example',
    });
    const text = raw.toString('latin1');
    expect(/(^|\r\n)\./.test(text)).toBe(false);
    expect(/[^\r]\n/.test(text)).toBe(false);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value[0]).toEqual({ name: 'Müller & Söhne, GmbH', address: 'news@example.com' });
    expect(mail.messageId).toBe('<0199a0c4-0000-7000-8000-000000000001@t.example>');
    expect(mail.html).toBe(html);
    expect(mail.text).toBe('Hallo Jürgen,\n.\nLink: https://example.org/?a=1&b=2');
    const header = (key: string) =>
      (mail.headerLines.find((h) => h.key === key)?.line ?? '').replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toBe(`<https://t.example/u/${'t'.repeat(120)}>, <mailto:unsubscribe@t.example?subject=unsubscribe>`);
    expect(header('x-tandem-message')).toBe('0199a0c4-0000-7000-8000-000000000001');
  });
});
