import { describe, expect, it } from 'vitest';
import { mapId } from './map-id.ts';

const old = '01936a4e-7b2c-7d3e-8f40-123456789abc';
describe('mapId', () => {
  it('maps one id to the same new v7-shaped id per target and to different ids across targets', () => {
    const a = mapId(old, 'ws-a');
    expect(mapId(old, 'ws-a')).toBe(a);
    expect(mapId(old, 'ws-b')).not.toBe(a);
    expect(a).toMatch(/^01936a4e-7b2c-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('keeps time order between ids of different milliseconds', () => {
    const later = '01936a4e-7b2d-7000-8000-000000000000';
    expect(mapId(old, 'ws') < mapId(later, 'ws')).toBe(true);
  });
});
