import { renderText } from '../../../model/text';
import { describe, expect, it } from 'vitest';
import { container, podSpec } from '../../../snapshot/test-fixtures';
import { evaluatePodSecurity, podSecurityCache } from './evaluate';
import { restrictedSpec } from '../../testing/pod-specs';
import { passesLevel, violationsAgainst } from './types';

describe('evaluatePodSecurity', () => {
  it('passes restricted for a fully hardened spec', () => {
    expect(evaluatePodSecurity(restrictedSpec(), {})).toEqual({ level: 'restricted', violations: [] });
  });

  it('puts a default spec at baseline with the restricted controls it misses', () => {
    const r = evaluatePodSecurity(podSpec(), {}, 'spec.template.spec');
    expect(r.level).toBe('baseline');
    expect(r.violations.map((v) => v.control).sort()).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    expect(r.violations.every((v) => v.level === 'restricted')).toBe(true);
    expect(renderText(r.violations.find((v) => v.control === 'runAsNonRoot')?.path ?? [])).toBe(
      'spec.template.spec.containers[app].securityContext.runAsNonRoot',
    );
  });

  it('treats an unconfined seccomp annotation as the field the API server will set', () => {
    const r = evaluatePodSecurity(restrictedSpec({ securityContext: { runAsNonRoot: true } }), {
      'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
    });
    expect(r.level).toBe('privileged');
    expect(renderText(r.violations[0]?.path ?? [])).toBe(
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]',
    );
  });

  it('lets the field win over the annotation', () => {
    const spec = restrictedSpec();
    expect(evaluatePodSecurity(spec, { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }).level).toBe(
      'restricted',
    );
  });

  it('filters violations by level', () => {
    const r = evaluatePodSecurity(podSpec({ hostNetwork: true }), {});
    expect(passesLevel(r, 'privileged')).toBe(true);
    expect(passesLevel(r, 'baseline')).toBe(false);
    expect(violationsAgainst(r, 'baseline').map((v) => v.control)).toEqual(['hostNamespaces']);
    expect(violationsAgainst(r, 'restricted').length).toBeGreaterThan(1);
    expect(violationsAgainst(r, 'privileged')).toEqual([]);
  });
});

describe('podSecurityCache', () => {
  it('evaluates each shared spec once per path and seccomp annotations, with the same result as without it', () => {
    const evaluate = podSecurityCache();
    const spec = podSpec({ hostNetwork: true, containers: [container('app')] });
    const first = evaluate(spec, {}, 'spec');
    expect(first).toEqual(evaluatePodSecurity(spec, {}, 'spec'));
    expect(evaluate(spec, { unrelated: 'x' }, 'spec')).toBe(first);
    expect(evaluate(spec, {}, 'spec.template.spec')).not.toBe(first);
    const annotated = { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' };
    expect(evaluate(spec, annotated, 'spec')).toEqual(evaluatePodSecurity(spec, annotated, 'spec'));
  });
});
