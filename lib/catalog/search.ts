import type { Change } from './schema';

/** Splits a query into lower-case terms. */
export function terms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s,]+/)
    .map((t) => t.replace(/^kep-?/, ''))
    .filter((t) => t.length > 0);
}

interface Field {
  text: string;
  weight: number;
}

function fieldsOf(change: Change): Field[] {
  return [
    { text: change.title.toLowerCase(), weight: 8 },
    {
      text: `${change.id} ${change.kep ?? ''} ${change.relatedKeps.join(' ')} ${change.featureGates.map((g) => g.name).join(' ')}`.toLowerCase(),
      weight: 6,
    },
    { text: change.tags.join(' ').toLowerCase(), weight: 4 },
    { text: `${change.sig} ${change.kind} ${change.stage ?? ''}`.toLowerCase(), weight: 2 },
    {
      text: [change.summary, change.whoIsAffected, change.action.before ?? '', change.action.after ?? '']
        .join(' ')
        .toLowerCase(),
      weight: 1,
    },
  ];
}

/**
 * Scores a change against query terms: 0 when any term is missing (terms combine with AND), otherwise higher for
 * hits in the title, id, gates and tags than in the prose.
 */
export function score(change: Change, queryTerms: string[]): number {
  if (queryTerms.length === 0) return 1;
  const fields = fieldsOf(change);
  let total = 0;
  for (const term of queryTerms) {
    const best = Math.max(0, ...fields.filter((f) => f.text.includes(term)).map((f) => f.weight));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}
