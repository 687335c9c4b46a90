import { describe, expect, it } from 'vitest';
import type { PodSecurityPolicy } from '../../../model/snapshot';
import { psp } from '../../testing/objects';
import { PSP_APPARMOR_ALLOWED, PSP_SECCOMP_ALLOWED, PSP_SECCOMP_DEFAULT, pspLevel } from './psp-level';

const seccompDefault = { [PSP_SECCOMP_DEFAULT]: 'runtime/default', [PSP_SECCOMP_ALLOWED]: 'runtime/default' };

describe('pspLevel', () => {
  it('maps the upstream restricted example to restricted, with the SELinux and AppArmor caveats', () => {
    const r = pspLevel(psp('restricted', {}, seccompDefault));
    expect(r.level).toBe('restricted');
    expect(r.reasons).toEqual([]);
    expect(r.caveats).toHaveLength(2);
  });

  it('drops no caveat when SELinux is MustRunAs and AppArmor is limited', () => {
    const r = pspLevel(
      psp('tight', { seLinuxRule: 'MustRunAs' }, { ...seccompDefault, [PSP_APPARMOR_ALLOWED]: 'runtime/default' }),
    );
    expect(r.caveats).toEqual([]);
  });

  it.each([
    ['privileged', { privileged: true }, 'spec.privileged'],
    ['hostNetwork', { hostNetwork: true }, 'spec.hostNetwork'],
    ['hostPID', { hostPID: true }, 'spec.hostPID'],
    ['SYS_ADMIN allowed', { allowedCapabilities: ['SYS_ADMIN'] }, 'spec.allowedCapabilities'],
    ['* capabilities', { allowedCapabilities: ['*'] }, 'spec.allowedCapabilities'],
    ['hostPath volumes', { volumes: ['hostPath', 'secret'] }, 'spec.volumes'],
    ['all volumes', { volumes: ['*'] }, 'spec.volumes'],
    ['Unmasked procMount', { allowedProcMountTypes: ['Default', 'Unmasked'] }, 'spec.allowedProcMountTypes'],
  ] as [string, Partial<PodSecurityPolicy>, string][])('maps %s to privileged', (_n, extra, field) => {
    const r = pspLevel(psp('p', extra, seccompDefault));
    expect(r.level).toBe('privileged');
    expect(r.reasons.filter((x) => x.fails === 'baseline').map((x) => x.field)).toEqual([field]);
  });

  it('maps an allowed unconfined seccomp profile to privileged', () => {
    expect(pspLevel(psp('p', {}, { [PSP_SECCOMP_ALLOWED]: '*' })).level).toBe('privileged');
  });

  it.each([
    ['nfs volumes', { volumes: ['nfs', 'secret'] }, 'spec.volumes'],
    ['privilege escalation', { allowPrivilegeEscalation: true }, 'spec.allowPrivilegeEscalation'],
    ['RunAsAny users', { runAsUser: { rule: 'RunAsAny', ranges: [] } }, 'spec.runAsUser.rule'],
    ['no drop ALL', { requiredDropCapabilities: ['NET_RAW'] }, 'spec.requiredDropCapabilities'],
    ['CHOWN allowed', { allowedCapabilities: ['CHOWN'] }, 'spec.allowedCapabilities'],
  ] as [string, Partial<PodSecurityPolicy>, string][])('maps %s to baseline', (_n, extra, field) => {
    const r = pspLevel(psp('p', extra, seccompDefault));
    expect(r.level).toBe('baseline');
    expect(r.reasons.map((x) => x.field)).toEqual([field]);
  });

  it('needs a seccomp profile for every pod for restricted', () => {
    expect(pspLevel(psp('p')).level).toBe('baseline');
    expect(pspLevel(psp('p', {}, { [PSP_SECCOMP_ALLOWED]: 'runtime/default,' })).level).toBe('baseline');
    expect(pspLevel(psp('p', {}, { [PSP_SECCOMP_ALLOWED]: 'runtime/default,localhost/x' })).level).toBe('restricted');
  });
});
