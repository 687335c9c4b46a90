import type { TokenKind } from './tokenizer';

/**
 * Identities that show up in free text the cluster wrote (RBAC errors in the coverage panel, timeouts): the user
 * an API server names in `User "…" cannot list …`, e-mail addresses and IPv4 addresses. The report holds them
 * nowhere else, so they are found by pattern.
 */
const PATTERNS: { kind: TokenKind; hint: string; pattern: RegExp; group: number }[] = [
  { kind: 'user', hint: 'User "', pattern: /\bUser "([^"\n]{1,300})"/g, group: 1 },
  { kind: 'user', hint: '@', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, group: 0 },
  {
    kind: 'ip',
    hint: '.',
    pattern: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)/g,
    group: 0,
  },
];

/** Every identity found in `text`, with the kind of token it should get. */
export function findIdentities(text: string): { kind: TokenKind; value: string }[] {
  const found: { kind: TokenKind; value: string }[] = [];
  for (const { kind, hint, pattern, group } of PATTERNS) {
    // The hint is a cheap test that skips the regular expression on most texts.
    if (!text.includes(hint)) continue;
    for (const match of text.matchAll(pattern)) {
      const value = match[group];
      if (value) found.push({ kind, value });
    }
  }
  return found;
}
