/**
 * Finds where JSON text stops being valid. JSON.parse in some Node versions reports no position ("Unexpected
 * token '}'"), and a person fixing a file needs one. Only run after JSON.parse failed; a syntax check, no values.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const expect = (c: string) => (text.charAt(i) === c ? (i += 1) : fail());
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    expect('"');
    while (i < text.length && text.charAt(i) !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      i += text.charAt(i) === '\\' ? 2 : 1;
    }
    expect('"');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m?.[0].length ?? 0;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i += 1;
      ws();
      if (text.charAt(i) === '}') return void (i += 1);
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') i += 1;
        else return void expect('}');
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text.charAt(i) === ']') return void (i += 1);
      for (;;) {
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') i += 1;
        else return void expect(']');
      }
    }
    if (c === '"') return string();
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : text.length;
  } catch (e) {
    if (e instanceof JsonStop) return Math.min(e.offset, text.length);
    return 0;
  }
}

class JsonStop extends Error {
  constructor(readonly offset: number) {
    super('json stop');
  }
}
