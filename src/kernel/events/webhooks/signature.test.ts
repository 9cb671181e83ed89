import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './signature.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
};

describe('webhook signatures (Standard Webhooks)', () => {
  it('matches the test vector of the Standard Webhooks specification', () => {
    const sig = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(sig).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('makes secrets of whsec_ and 24 random bytes in base64', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('verifies what it signed, with a Headers object or a plain header record', () => {
    const secret = newWebhookSecret();
    const body = '{"type":"contact.created"}';
    const headers = webhookHeaders([secret], 'evt_1', body);
    expect(verifyWebhook(secret, headers, body)).toMatchObject({ id: 'evt_1' });
    expect(verifyWebhook(secret, new Headers(headers), Buffer.from(body))).toMatchObject({ id: 'evt_1' });
  });

  it('accepts any one of several signatures, as during a secret rotation', () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders([newSecret, oldSecret], 'evt_2', '{}');
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(codeOf(() => verifyWebhook(oldSecret, headers, '{}'))).toBe('no error');
    expect(codeOf(() => verifyWebhook(newSecret, headers, '{}'))).toBe('no error');
  });

  it('rejects a forged signature, a changed body or id, and a wrong secret with signature_invalid', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders([secret], 'evt_3', '{"a":1}');
    const forged = { ...headers, 'webhook-signature': `v1,${Buffer.alloc(32, 7).toString('base64')}` };
    expect(codeOf(() => verifyWebhook(secret, forged, '{"a":1}'))).toBe('signature_invalid');
    expect(codeOf(() => verifyWebhook(secret, headers, '{"a":2}'))).toBe('signature_invalid');
    expect(codeOf(() => verifyWebhook(secret, { ...headers, 'webhook-id': 'evt_4' }, '{"a":1}'))).toBe('signature_invalid');
    expect(codeOf(() => verifyWebhook(newWebhookSecret(), headers, '{"a":1}'))).toBe('signature_invalid');
    expect(
      codeOf(() =>
        verifyWebhook(secret, { ...headers, 'webhook-signature': headers['webhook-signature']!.replace('v1,', 'v2,') }, '{"a":1}'),
      ),
    ).toBe('signature_invalid');
  });

  it('rejects missing headers and timestamps outside the tolerance', () => {
    const secret = newWebhookSecret();
    const { 'webhook-signature': _sig, ...unsigned } = webhookHeaders([secret], 'evt_5', '{}');
    expect(codeOf(() => verifyWebhook(secret, unsigned, '{}'))).toBe('signature_invalid');
    const stale = webhookHeaders([secret], 'evt_5', '{}', new Date(Date.now() - 301_000));
    expect(codeOf(() => verifyWebhook(secret, stale, '{}'))).toBe('signature_invalid');
    const future = webhookHeaders([secret], 'evt_5', '{}', new Date(Date.now() + 301_000));
    expect(codeOf(() => verifyWebhook(secret, future, '{}'))).toBe('signature_invalid');
    expect(codeOf(() => verifyWebhook(secret, stale, '{}', 600))).toBe('no error');
    expect(codeOf(() => verifyWebhook(secret, { ...stale, 'webhook-timestamp': 'soon' }, '{}'))).toBe('signature_invalid');
  });
});
