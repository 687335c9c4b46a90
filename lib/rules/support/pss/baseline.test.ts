import { renderText } from '../../../model/text';
import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../model/snapshot';
import { evaluatePodSecurity } from './evaluate';
import { restrictedSpec, tight } from '../../testing/pod-specs';

describe('evaluatePodSecurity: baseline controls', () => {
  // Each baseline control, starting from a restricted spec: the result drops to privileged with one violation.
  const baselineCases: [string, PodSpec, Record<string, string>, string][] = [
    ['hostNetwork', restrictedSpec({ hostNetwork: true }), {}, 'spec.hostNetwork'],
    ['hostPID', restrictedSpec({ hostPID: true }), {}, 'spec.hostPID'],
    ['hostIPC', restrictedSpec({ hostIPC: true }), {}, 'spec.hostIPC'],
    [
      'privileged',
      restrictedSpec({ containers: [tight('app', { privileged: true })] }),
      {},
      'spec.containers[app].securityContext.privileged',
    ],
    [
      'privileged init container',
      restrictedSpec({ containers: [tight(), tight('init', { privileged: true }, { role: 'init' })] }),
      {},
      'spec.initContainers[init].securityContext.privileged',
    ],
    [
      'privileged ephemeral container',
      restrictedSpec({ containers: [tight(), tight('debug', { privileged: true }, { role: 'ephemeral' })] }),
      {},
      'spec.ephemeralContainers[debug].securityContext.privileged',
    ],
    [
      'capability SYS_ADMIN',
      restrictedSpec({ containers: [tight('app', { capabilitiesAdd: ['SYS_ADMIN'] })] }),
      {},
      'spec.containers[app].securityContext.capabilities.add',
    ],
    [
      'capability NET_RAW',
      restrictedSpec({ containers: [tight('app', { capabilitiesAdd: ['NET_RAW'] })] }),
      {},
      'spec.containers[app].securityContext.capabilities.add',
    ],
    [
      'hostPath volume',
      restrictedSpec({ volumes: [{ name: 'h', source: { type: 'hostPath', path: '/etc' } }] }),
      {},
      'spec.volumes[h].hostPath',
    ],
    [
      'host port',
      restrictedSpec({ containers: [tight('app', {}, { hostPorts: [8080] })] }),
      {},
      'spec.containers[app].ports[*].hostPort',
    ],
    [
      'AppArmor annotation unconfined',
      restrictedSpec(),
      { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]',
    ],
    [
      'AppArmor field Unconfined',
      restrictedSpec({ containers: [tight('app', { appArmorProfile: 'Unconfined' })] }),
      {},
      'spec.containers[app].securityContext.appArmorProfile',
    ],
    [
      'SELinux type spc_t',
      restrictedSpec({ containers: [tight('app', { seLinuxType: 'spc_t' })] }),
      {},
      'spec.containers[app].securityContext.seLinuxOptions.type',
    ],
    [
      'SELinux user on pod',
      restrictedSpec({
        securityContext: { runAsNonRoot: true, seccompProfileType: 'RuntimeDefault', seLinuxUser: 'system_u' },
      }),
      {},
      'spec.securityContext.seLinuxOptions.user',
    ],
    [
      'SELinux role',
      restrictedSpec({ containers: [tight('app', { seLinuxRole: 'sysadm_r' })] }),
      {},
      'spec.containers[app].securityContext.seLinuxOptions.role',
    ],
    [
      'procMount Unmasked',
      restrictedSpec({ containers: [tight('app', { procMount: 'Unmasked' })] }),
      {},
      'spec.containers[app].securityContext.procMount',
    ],
    [
      'seccomp Unconfined on pod',
      restrictedSpec({ securityContext: { runAsNonRoot: true, seccompProfileType: 'Unconfined' } }),
      {},
      'spec.securityContext.seccompProfile.type',
    ],
    [
      'seccomp Unconfined on container',
      restrictedSpec({ containers: [tight('app', { seccompProfileType: 'Unconfined' })] }),
      {},
      'spec.containers[app].securityContext.seccompProfile.type',
    ],
    [
      'unsafe sysctl',
      restrictedSpec({
        securityContext: { runAsNonRoot: true, seccompProfileType: 'RuntimeDefault', sysctls: ['net.core.somaxconn'] },
      }),
      {},
      'spec.securityContext.sysctls[net.core.somaxconn]',
    ],
    [
      'HostProcess pod',
      restrictedSpec({
        securityContext: { runAsNonRoot: true, seccompProfileType: 'RuntimeDefault', windowsHostProcess: true },
      }),
      {},
      'spec.securityContext.windowsOptions.hostProcess',
    ],
    [
      'HostProcess container',
      restrictedSpec({ containers: [tight('app', { windowsHostProcess: true })] }),
      {},
      'spec.containers[app].securityContext.windowsOptions.hostProcess',
    ],
  ];

  it.each(baselineCases)('baseline control: %s', (_name, spec, annotations, path) => {
    const r = evaluatePodSecurity(spec, annotations);
    expect(r.level).toBe('privileged');
    expect(r.violations.filter((v) => v.level === 'baseline').map((v) => renderText(v.path))).toEqual([path]);
  });

  // Values each baseline control still allows.
  const baselineAllowed: [string, PodSpec, Record<string, string>][] = [
    [
      'default capabilities added',
      restrictedSpec({ containers: [tight('app', { capabilitiesAdd: ['NET_BIND_SERVICE'] })] }),
      {},
    ],
    [
      'AppArmor runtime/default and localhost',
      restrictedSpec(),
      {
        'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/x': 'localhost/custom',
      },
    ],
    [
      'SELinux container_t and level only',
      restrictedSpec({ containers: [tight('app', { seLinuxType: 'container_t' })] }),
      {},
    ],
    ['procMount Default', restrictedSpec({ containers: [tight('app', { procMount: 'Default' })] }), {}],
    [
      'safe sysctl',
      restrictedSpec({
        securityContext: {
          runAsNonRoot: true,
          seccompProfileType: 'RuntimeDefault',
          sysctls: ['net.ipv4.ip_local_port_range'],
        },
      }),
      {},
    ],
    [
      'seccomp Localhost on container',
      restrictedSpec({
        containers: [tight('app', { seccompProfileType: 'Localhost', seccompLocalhostProfile: 'p.json' })],
      }),
      {},
    ],
    [
      'privileged false and hostPort 0',
      restrictedSpec({ containers: [tight('app', { privileged: false }, { hostPorts: [0] })] }),
      {},
    ],
  ];

  it.each(baselineAllowed)('baseline allows: %s', (_name, spec, annotations) => {
    expect(evaluatePodSecurity(spec, annotations).level).toBe('restricted');
  });
});
