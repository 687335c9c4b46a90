import { changeSchema, type Change, type ChangeInput } from './schema';

/** Builds a valid change for tests; override only what the test is about. */
export function makeChange(overrides: Partial<ChangeInput> & { id: string }): Change {
  return changeSchema.parse({
    release: '1.24',
    title: `Change ${overrides.id}`,
    sig: 'sig-node',
    stage: 'beta',
    kind: 'enhancement',
    severity: 'info',
    summary: 'A change made up for a unit test of the catalog queries.',
    whoIsAffected: 'Nobody; it is a test fixture.',
    action: { before: 'Nothing to do.' },
    links: [{ kind: 'docs', label: 'Docs', url: 'https://kubernetes.io/docs/' }],
    notObservable: 'A test fixture has nothing to observe in a cluster.',
    ...overrides,
  });
}
