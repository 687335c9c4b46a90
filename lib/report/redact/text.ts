/**
 * Replacing known strings inside free text, longest first and only as whole tokens: `api` is replaced in
 * "pod api failed" and in "ns/api", but not inside "api-gateway" or "rapid". Names are Kubernetes names, so a
 * token boundary is any character other than a letter, digit, `-` or `_`.
 */

const WORD = /[A-Za-z0-9_-]+/g;
const WORD_CHAR = /[A-Za-z0-9_-]/;

const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** Replaces every whole-token occurrence of a key of `replacements` by its value. */
export type TextReplacer = (text: string) => string;

interface WordIndex {
  replacements: ReadonlyMap<string, string>;
  /** First word of every key, to skip most positions at once. */
  firstWords: ReadonlySet<string>;
  maxWords: number;
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Scans words left to right; at each word, tries the longest run of words that is a known string. */
function replaceWords(text: string, index: WordIndex): string {
  const spans = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  let out = '';
  let cursor = 0;
  for (let i = 0; i < spans.length; i += 1) {
    const first = spans[i];
    if (first === undefined || !index.firstWords.has(first.word)) continue;
    for (let j = Math.min(i + index.maxWords - 1, spans.length - 1); j >= i; j -= 1) {
      const last = spans[j];
      const hit = last === undefined ? undefined : index.replacements.get(text.slice(first.start, last.end));
      if (hit === undefined || last === undefined) continue;
      out += text.slice(cursor, first.start) + hit;
      cursor = last.end;
      i = j;
      break;
    }
  }
  return out + text.slice(cursor);
}

/** Splits text around whole-token occurrences of `literal`; used for keys that start or end with punctuation. */
function replaceLiteral(text: string, literal: string, replacement: string, rest: TextReplacer): string {
  let out = '';
  let cursor = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(literal, from);
    if (at < 0) break;
    const end = at + literal.length;
    const leftOk = !isWordChar(literal[0]) || !isWordChar(text[at - 1]);
    const rightOk = !isWordChar(literal[literal.length - 1]) || !isWordChar(text[end]);
    if (leftOk && rightOk) {
      out += rest(text.slice(cursor, at)) + replacement;
      cursor = end;
      from = end;
    } else {
      from = at + 1;
    }
  }
  return out + rest(text.slice(cursor));
}

/** Builds a replacer for a fixed set of strings; build it once and apply it to many texts. */
export function buildReplacer(replacements: ReadonlyMap<string, string>): TextReplacer {
  const wordKeys = new Map<string, string>();
  const oddKeys: [string, string][] = [];
  const firstWords = new Set<string>();
  let maxWords = 1;
  for (const [key, value] of replacements) {
    const words = wordsOf(key);
    const first = words[0];
    if (first === undefined) continue;
    if (isWordChar(key[0]) && isWordChar(key[key.length - 1])) {
      wordKeys.set(key, value);
      firstWords.add(first);
      maxWords = Math.max(maxWords, words.length);
    } else {
      oddKeys.push([key, value]);
    }
  }
  oddKeys.sort((a, b) => b[0].length - a[0].length);
  const index: WordIndex = { replacements: wordKeys, firstWords, maxWords };
  const words: TextReplacer = (text) => (firstWords.size === 0 ? text : replaceWords(text, index));
  // Keys with punctuation at an edge are few (a context label such as "prod (eu)"): peel them off first.
  return oddKeys.reduceRight<TextReplacer>(
    (rest, [key, value]) =>
      (text) =>
        text.includes(key) ? replaceLiteral(text, key, value, rest) : rest(text),
    words,
  );
}
