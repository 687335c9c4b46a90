/** An IP address as a number, with its family; undefined for anything that is not a plain IPv4 or IPv6 address. */
export function parseIp(text: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { family: 4, value: parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n) };
  }
  if (!text.includes(':') || text.includes('.')) return undefined;
  const [head = '', tail, extra] = text.split('::');
  if (extra !== undefined) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const all = [...h, ...Array<string>(missing).fill('0'), ...t];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { family: 6, value: all.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n) };
}
