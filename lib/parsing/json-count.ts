/**
 * How many values a JSON text holds, counted without parsing it: every `{`, `[` and `,` outside strings starts
 * one more. Linear, no allocation; stops once past `stopAfter`. JSON.parse needs memory in proportion to this
 * count, not to the byte length (`[{},{},…]` is a few bytes per object), and it cannot be interrupted, so a caller
 * with a budget counts first.
 */
export function countJsonValues(text: string | Uint8Array, stopAfter = Infinity): number {
  let count = 1;
  let inString = false;
  const n = text.length;
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i] ?? 0;
  for (let i = 0; i < n; i += 1) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b || c === 0x2c) {
      count += 1;
      if (count > stopAfter) return count;
    }
  }
  return count;
}
