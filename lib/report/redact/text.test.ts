import { describe, expect, it } from 'vitest';
import { buildReplacer } from './text';

const replace = (pairs: [string, string][], text: string) => buildReplacer(new Map(pairs))(text);

describe('buildReplacer', () => {
  it('replaces whole tokens only', () => {
    const pairs: [string, string][] = [['api', 'name-1']];
    expect(replace(pairs, 'pod api failed; see ns/api.')).toBe('pod name-1 failed; see ns/name-1.');
    expect(replace(pairs, 'api-gateway and rapid and api_x stay')).toBe('api-gateway and rapid and api_x stay');
  });

  it('prefers the longest known string at a position', () => {
    const pairs: [string, string][] = [
      ['web', 'name-1'],
      ['web.example.com', 'server-2'],
      ['web-frontend', 'name-3'],
    ];
    expect(replace(pairs, 'web.example.com serves web-frontend and web')).toBe('server-2 serves name-3 and name-1');
  });

  it('matches names spanning punctuation, such as images and URLs', () => {
    const pairs: [string, string][] = [
      ['registry.acme.io/shop/api:1.2', 'image-1'],
      ['https://10.0.0.1:6443', 'server-1'],
    ];
    expect(replace(pairs, 'runs registry.acme.io/shop/api:1.2 against https://10.0.0.1:6443.')).toBe(
      'runs image-1 against server-1.',
    );
  });

  it('handles keys that start or end with punctuation', () => {
    const pairs: [string, string][] = [
      ['prod (eu)', 'cluster-1'],
      ['prod', 'ns-2'],
    ];
    expect(replace(pairs, 'context prod (eu) has namespace prod')).toBe('context cluster-1 has namespace ns-2');
  });

  it('does not rescan what it inserted', () => {
    const pairs: [string, string][] = [
      ['a', 'name-b'],
      ['name-b', 'name-c'],
    ];
    expect(replace(pairs, 'a name-b')).toBe('name-b name-c');
  });

  it('leaves text alone when nothing is known', () => {
    expect(replace([], 'nothing | here')).toBe('nothing | here');
  });
});
