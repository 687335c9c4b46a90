import { describe, expect, it } from 'vitest';
import { admission, busy } from './admission';

describe('admission', () => {
  it('lets in up to the limit, refuses one more, and takes the next after one leaves', () => {
    const a = admission(() => 2);
    const first = a.enter();
    const second = a.enter();
    expect(first && second).toBeTruthy();
    expect(a.enter()).toBeUndefined();
    first?.leave();
    first?.leave();
    expect(a.active).toBe(1);
    expect(a.enter()).toBeDefined();
    expect(a.enter()).toBeUndefined();
  });

  it('says busy with the limit and its setting', () => {
    const e = busy('scans', 4, 'RELEASE_LENS_MAX_ACTIVE_SCANS');
    expect(e.kind).toBe('busy');
    expect(e.message).toBe(
      'This server is already running 4 scans, its limit (RELEASE_LENS_MAX_ACTIVE_SCANS). Try again in a few seconds.',
    );
  });
});
