import { describe, expect, it } from 'vitest';
import { changeSchema, type ChangeInput } from './schema';

const valid: ChangeInput = {
  id: 'example-change-ga',
  release: '1.24',
  title: 'An example change',
  kep: 1234,
  sig: 'sig-node',
  stage: 'stable',
  kind: 'enhancement',
  severity: 'info',
  featureGates: [{ name: 'ExampleGate', defaults: { '1.24': { stage: 'stable', enabled: true, locked: true } } }],
  summary: 'A change that exists only to exercise the schema in tests.',
  whoIsAffected: 'Nobody; it is a test fixture.',
  action: { before: 'Nothing to do before.' },
  links: [{ kind: 'kep', label: 'KEP-1234', url: 'https://github.com/kubernetes/enhancements/issues/1234' }],
  notObservable: 'A test fixture has nothing to observe in a cluster.',
};

function problemsOf(input: unknown): string[] {
  const result = changeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('changeSchema', () => {
  it('accepts a well-formed entry and fills defaults', () => {
    const parsed = changeSchema.parse({ ...valid, tags: undefined });
    expect(parsed.tags).toEqual([]);
    expect(parsed.detectedBy).toEqual([]);
  });

  it('names the field of an invalid stage', () => {
    expect(problemsOf({ ...valid, stage: 'gamma' })).toEqual([expect.stringMatching(/^stage: /)]);
  });

  it('names a missing required field', () => {
    const { summary: _summary, ...rest } = valid;
    expect(problemsOf(rest)).toEqual([expect.stringMatching(/^summary: /)]);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    expect(problemsOf({ ...valid, severty: 'info' })).toEqual([expect.stringContaining('severty')]);
  });

  it('rejects a non-https link with the link index in the path', () => {
    const links = [{ kind: 'docs', label: 'Docs', url: 'http://example.com' }, ...valid.links];
    expect(problemsOf({ ...valid, links })).toEqual([expect.stringMatching(/^links\.0\.url: must be an https URL/)]);
  });

  it('rejects an id that is not kebab-case', () => {
    expect(problemsOf({ ...valid, id: 'Example_Change' })).toEqual([expect.stringMatching(/^id: .*kebab-case/)]);
  });

  it('requires either detecting rules or a reason the change cannot be observed', () => {
    const { notObservable: _n, ...rest } = valid;
    expect(problemsOf(rest)).toEqual([expect.stringMatching(/^notObservable: .*cannot be observed/)]);
    expect(problemsOf({ ...valid, detectedBy: ['some-rule'] })).toEqual([
      expect.stringMatching(/^notObservable: .*not both/),
    ]);
  });

  it('requires a kep link when a KEP number is given', () => {
    const links = [{ kind: 'pr', label: 'PR', url: 'https://github.com/kubernetes/kubernetes/pull/1' }];
    expect(problemsOf({ ...valid, links })).toEqual([expect.stringMatching(/^links: .*kep link/)]);
  });

  it('requires a stage for enhancements', () => {
    expect(problemsOf({ ...valid, stage: undefined })).toEqual([expect.stringMatching(/^stage: /)]);
  });

  it('names a feature gate default with a bad stage', () => {
    const featureGates = [{ name: 'ExampleGate', defaults: { '1.25': { stage: 'ga', enabled: true } } }];
    expect(problemsOf({ ...valid, featureGates })).toEqual([
      expect.stringMatching(/^featureGates\.0\.defaults\.1\.25\.stage: /),
    ]);
  });
});
