/** A Go template cut into literal text and `{{ … }}` actions, each with its offset in the file. */
export type TemplateToken =
  { type: 'text'; text: string; offset: number } | { type: 'action'; body: string; offset: number };

/**
 * Cuts a template into tokens. Trim markers (`{{-`, `-}}`) and comments (`{{/* … *\/}}`) are removed from the action
 * bodies; an action left open at the end of the file is text. Quoted strings inside an action may hold `}}`.
 */
export function tokenize(source: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    if (open < 0) break;
    const close = actionEnd(source, open + 2);
    if (close < 0) break;
    if (open > at) tokens.push({ type: 'text', text: source.slice(at, open), offset: at });
    const raw = source.slice(open + 2, close);
    const body = raw.replace(/^-\s/, '').replace(/^-$/, '').replace(/\s-$/, '').trim();
    if (!body.startsWith('/*')) tokens.push({ type: 'action', body, offset: open });
    at = close + 2;
  }
  if (at < source.length) tokens.push({ type: 'text', text: source.slice(at), offset: at });
  return tokens;
}

/** The offset of the `}}` that ends an action starting at `from`, skipping quoted strings; -1 when none. */
function actionEnd(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < source.length - 1; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && source[i + 1] === '}') return i;
  }
  return -1;
}

/** The quoted string literals of an action body, in order: `include "x.y" .` → ['x.y']. */
export function stringLiterals(body: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out.push(m[1] ?? m[2] ?? '');
  return out;
}
