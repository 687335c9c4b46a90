import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { parseKubeconfig } from './parse';
import { selectContext } from './select';
import { kubeconfigYaml } from './test-kubeconfig';

const parse = (text: string) => parseKubeconfig(text, { maxBytes: 1e6 });
const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.field;
  }
  return 'no error';
};

describe('selectContext', () => {
  it('uses current-context, or the named context', () => {
    const config = parse(kubeconfigYaml());
    expect(selectContext(config).context.name).toBe('ctx');
    expect(selectContext(config, 'ctx').user?.name).toBe('u1');
  });

  it('explains a missing context and lists the ones there are', () => {
    const config = parse(kubeconfigYaml());
    expect(() => selectContext(config, 'prod')).toThrow('Context "prod" is not in the kubeconfig; it has "ctx"');
  });

  it('needs contexts, and a current-context when there are several', () => {
    expect(fieldOf(() => selectContext(parse(kubeconfigYaml({}, {}, { contexts: [] }))))).toBe('contexts');
    const two = kubeconfigYaml(
      {},
      {},
      {
        'current-context': undefined,
        contexts: [
          { name: 'a', context: { cluster: 'c1', user: 'u1' } },
          { name: 'b', context: { cluster: 'c1', user: 'u1' } },
        ],
      },
    );
    expect(fieldOf(() => selectContext(parse(two)))).toBe('current-context');
    const one = kubeconfigYaml({}, {}, { 'current-context': undefined });
    expect(selectContext(parse(one)).context.name).toBe('ctx');
  });

  it('names a dangling cluster or user reference', () => {
    const badCluster = kubeconfigYaml(
      {},
      {},
      { contexts: [{ name: 'ctx', context: { cluster: 'nope', user: 'u1' } }] },
    );
    expect(fieldOf(() => selectContext(parse(badCluster)))).toBe('contexts[0].context.cluster');
    const badUser = kubeconfigYaml({}, {}, { contexts: [{ name: 'ctx', context: { cluster: 'c1', user: 'nope' } }] });
    expect(fieldOf(() => selectContext(parse(badUser)))).toBe('contexts[0].context.user');
  });
});

describe('listContexts', () => {
  it('summarizes contexts without credentials', async () => {
    const { listContexts } = await import('./contexts');
    const summary = listContexts(parse(kubeconfigYaml({ server: 'https://user:pw@[2001:db8::1]/' })));
    expect(summary).toEqual([
      { name: 'ctx', cluster: 'c1', server: '[2001:db8::1]:443', namespace: 'team-a', current: true },
    ]);
  });
});
