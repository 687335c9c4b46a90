import { describe, expect, it } from 'vitest';
import { isReportId, newReportId } from './ids';

describe('report ids', () => {
  it('are 22 base64url characters (128 bits) and unique', () => {
    const ids = Array.from({ length: 1000 }, newReportId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isReportId)).toBe(true);
  });

  it('rejects malformed ids before any query', () => {
    for (const bad of [
      '',
      'short',
      "abcdefghijklmnopqrstuv'; DROP TABLE reports;--",
      'a'.repeat(65),
      '../../etc/passwd',
      'abcdefghijklmnopqrstu=',
    ]) {
      expect(isReportId(bad)).toBe(false);
    }
  });
});
