import { CST, Lexer } from 'yaml';
import { overBudget, type ReadBudgets } from '../model/budgets';

export type YamlBudgets = Pick<ReadBudgets, 'nodes' | 'depth' | 'stringBytes'>;

const NODE_TOKENS = new Set([
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
]);
const CONTENT_TOKENS = new Set([
  ...NODE_TOKENS,
  'explicit-key-ind',
  'map-value-ind',
  'anchor',
  'tag',
  'block-scalar-header',
]);

/**
 * Why a YAML document is beyond the budgets, found from its lexical tokens alone (linear, holding one token at a
 * time), before the parser builds a tree: more nodes than `nodes`, nesting deeper than `depth` (block
 * indentation, compact `- - x` items and flow brackets all count) or a scalar longer than `stringBytes`.
 * Undefined when it is within them.
 */
export function yamlOverBudget(source: string, budgets: YamlBudgets): string | undefined {
  let nodes = 0;
  let flow = 0;
  let compact = 0;
  let lineStart = true;
  let indent = 0;
  let scalarNext = false;
  const indents: number[] = [];
  for (const token of new Lexer().lex(source)) {
    if (scalarNext) {
      scalarNext = false;
      if (token.length > budgets.stringBytes)
        return `a value is longer than ${overBudget('stringBytes', budgets.stringBytes)}`;
      continue;
    }
    const type = token === CST.SCALAR ? 'scalar' : CST.tokenType(token);
    if (type === 'newline') {
      lineStart = true;
      indent = 0;
      compact = 0;
      continue;
    }
    if (type === 'space' && lineStart) {
      indent = token.length;
      continue;
    }
    if (type === 'scalar' || (type !== null && CONTENT_TOKENS.has(type))) {
      if (lineStart && flow === 0) {
        // The block collections this line is inside: every open one indented less than it.
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
      }
      lineStart = false;
    }
    if (type === 'scalar') scalarNext = true;
    if (type === 'scalar' || (type !== null && NODE_TOKENS.has(type))) nodes += 1;
    if (type === 'seq-item-ind' || type === 'explicit-key-ind') compact += 1;
    else if (type === 'flow-map-start' || type === 'flow-seq-start') flow += 1;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (
      (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') &&
      token.length > budgets.stringBytes
    ) {
      return `a value is longer than ${overBudget('stringBytes', budgets.stringBytes)}`;
    }
    if (nodes > budgets.nodes) return `it has more than ${overBudget('nodes', budgets.nodes)} nodes`;
    if (indents.length + compact + flow > budgets.depth) {
      return `it is nested deeper than ${overBudget('depth', budgets.depth)} levels`;
    }
  }
  return undefined;
}
