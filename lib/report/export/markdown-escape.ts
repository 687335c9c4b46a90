/**
 * Safe Markdown for strings that come from a cluster (object names, annotations, API error messages), which can
 * hold `|`, `<`, backticks, `@mentions` or newlines. Output is meant for GitHub-flavoured Markdown, inside tables or
 * out: a string never ends a table cell, opens HTML, pings a user or links an issue.
 */

/** Zero-width space: after `@` or `#` it stops GitHub from turning text into a mention or an issue link. */
const ZWSP = '&#8203;';

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ');

/** Cuts a string to `max` characters, marking the cut. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Plain text rendered as-is: Markdown punctuation backslash-escaped, HTML characters as entities. */
export function mdText(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/\\#(?=\d)/g, `\\#${ZWSP}`);
}

/**
 * An identifier as inline code (mentions, links and HTML are inert there), for use in a table cell: `|` is escaped
 * as GFM tables require. A string with a backslash cannot be code in a cell (`\|` would end it), so it falls back to
 * escaped text.
 */
export function mdCode(s: string): string {
  if (s === '') return '';
  if (s.includes('\\')) return mdText(s);
  const text = oneLine(s).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[`\s]|[`\s]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table row from already-escaped cells. */
export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A table: header cells, alignment row, rows. */
export function table(header: readonly string[], rows: readonly string[], align?: readonly string[]): string[] {
  return [row(header), row(align ?? header.map(() => '---')), ...rows];
}
