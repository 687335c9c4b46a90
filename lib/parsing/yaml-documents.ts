/**
 * The documents of a multi-document YAML stream, split at `---` lines without parsing: a line that starts with
 * `---` followed by a space, a tab or its end opens a new document (YAML ends any block scalar there too). Linear,
 * and the count comes before any document is cut out, so a stream of millions of separators costs one pass.
 */

const isBreak = (c: number | undefined): boolean => c === undefined || c === 10 || c === 13 || c === 32 || c === 9;

/** Offsets where a separator line starts. */
function* separators(text: string): Generator<number> {
  if (text.startsWith('---') && isBreak(text.charCodeAt(3) || undefined)) yield 0;
  let at = text.indexOf('\n---');
  while (at >= 0) {
    const c = at + 4 < text.length ? text.charCodeAt(at + 4) : undefined;
    if (isBreak(c)) yield at + 1;
    at = text.indexOf('\n---', at + 1);
  }
}

/** How many documents the stream holds (the text before the first separator counts when it is not blank). */
export function countDocuments(text: string, stopAfter = Infinity): number {
  let count = /\S/.test(text.slice(0, firstSeparator(text))) ? 1 : 0;
  for (const _ of separators(text)) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

function firstSeparator(text: string): number {
  for (const at of separators(text)) return at;
  return text.length;
}

/** One document of a stream and where it starts in it. */
export interface YamlDocumentText {
  text: string;
  /** Offset of `text` in the stream. */
  offset: number;
}

/** The documents, one at a time, each without its `---` (content after it on the line stays); blank ones skipped. */
export function* documentsAt(text: string): Generator<YamlDocumentText> {
  let start = 0;
  for (const at of separators(text)) {
    const doc = text.slice(start, at);
    if (/\S/.test(doc)) yield { text: doc, offset: start };
    start = at + 3;
  }
  const last = text.slice(start);
  if (/\S/.test(last)) yield { text: last, offset: start };
}

/** The documents' texts, one at a time. */
export function* documents(text: string): Generator<string> {
  for (const d of documentsAt(text)) yield d.text;
}
