import type { Finding } from '../model/finding';
import { isSlot, type Slot, type Text } from '../model/text';

/** A part of shared advice: words, a value every finding of the group has, or a value that differs per finding. */
export type AdvicePart = string | { slot: Slot } | { varies: Slot['kind'] };

/** Findings whose advice is the same sentence, perhaps naming different objects. */
export interface AdviceGroup {
  /** The advice once: values shared by every finding kept, those that differ marked by their kind. */
  advice: AdvicePart[];
  findings: Finding[];
  /** Per finding (same order), the values where the advice differs: what is particular to that object. */
  specifics: Slot[][];
}

/** The sentence without its values: advice that differs only in the names it carries has one key. */
function templateKey(text: Text): string {
  let key = '';
  for (const p of text) key += typeof p === 'string' ? p : `\u0000${p.kind}\u0000`;
  return key;
}

/**
 * Splits findings by their advice, so a list shows each piece of advice once with the objects it applies to, and
 * for each object only what is particular to it. Order follows the findings: the first finding's advice first.
 */
export function groupByAdvice(findings: readonly Finding[]): AdviceGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = templateKey(f.remediation);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0]?.remediation ?? [];
    const varies = first.map(
      (p, i) => isSlot(p) && list.some((f) => (f.remediation[i] as Slot | undefined)?.value !== p.value),
    );
    const advice: AdvicePart[] = first.map((p, i) =>
      typeof p === 'string' ? p : varies[i] ? { varies: p.kind } : { slot: p },
    );
    const specifics = list.map((f) => f.remediation.filter((_, i) => varies[i] === true) as Slot[]);
    return { advice, findings: list, specifics };
  });
}
