import { renderText } from '../../../model/text';
import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../model/snapshot';
import { container, podSpec } from '../../../snapshot/test-fixtures';
import { psp } from '../../testing/objects';
import type { PspDefaultKey } from './psp-defaults';
import { pspDefaults } from './psp-defaults';
import { podShows, templateGaps } from './psp-gaps';

const everything = psp(
  'all',
  {
    defaultAddCapabilities: ['NET_ADMIN'],
    requiredDropCapabilities: ['NET_RAW'],
    allowPrivilegeEscalation: true,
    defaultAllowPrivilegeEscalation: false,
    runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
    runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 3000, max: 3000 }] },
    fsGroup: { rule: 'MustRunAs', ranges: [{ min: 4000, max: 4000 }] },
    supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 5000, max: 5000 }] },
    readOnlyRootFilesystem: true,
    seLinuxRule: 'MustRunAs',
  },
  {
    'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default',
    'apparmor.security.beta.kubernetes.io/defaultProfileName': 'localhost/strict',
  },
);

const defaults = pspDefaults(everything);
const byKey = (key: PspDefaultKey) => {
  const d = defaults.find((x) => x.key === key);
  if (!d) throw new Error(`no default ${key}`);
  return d;
};
const gaps = (key: PspDefaultKey, spec: PodSpec, annotations: Record<string, string> = {}) =>
  templateGaps(byKey(key), spec, annotations, 'spec.template.spec').map((g) => renderText(g.path));

describe('pspDefaults', () => {
  it('lists every mutating field of a PSP in a fixed order', () => {
    expect(defaults.map((d) => [d.key, d.value])).toEqual([
      ['defaultAddCapabilities', 'NET_ADMIN'],
      ['requiredDropCapabilities', 'NET_RAW'],
      ['allowPrivilegeEscalation', 'false'],
      ['runAsUser', '1000'],
      ['runAsGroup', '3000'],
      ['fsGroup', '4000'],
      ['supplementalGroups', '5000'],
      ['readOnlyRootFilesystem', 'true'],
      ['seLinux', 'the seLinuxOptions it defines'],
      ['seccomp', 'runtime/default'],
      ['appArmor', 'localhost/strict'],
    ]);
  });

  it('skips RunAsAny/MayRunAs strategies, a true escalation default and runtime/default AppArmor', () => {
    const quiet = psp(
      'q',
      {
        requiredDropCapabilities: [],
        allowPrivilegeEscalation: true,
        runAsUser: { rule: 'RunAsAny', ranges: [] },
        fsGroup: { rule: 'MayRunAs', ranges: [{ min: 1, max: 2 }] },
      },
      { 'apparmor.security.beta.kubernetes.io/defaultProfileName': 'runtime/default' },
    );
    expect(pspDefaults(quiet)).toEqual([]);
  });
});

describe('templateGaps', () => {
  const bare = podSpec({ containers: [container('app'), container('init', { role: 'init' })] });
  const c = (p: string) => `spec.template.spec.${p}`;

  it.each([
    [
      'defaultAddCapabilities',
      [
        c('containers[app].securityContext.capabilities.add'),
        c('initContainers[init].securityContext.capabilities.add'),
      ],
    ],
    [
      'runAsUser',
      [c('containers[app].securityContext.runAsUser'), c('initContainers[init].securityContext.runAsUser')],
    ],
    ['fsGroup', [c('securityContext.fsGroup')]],
    ['supplementalGroups', [c('securityContext.supplementalGroups')]],
    ['seLinux', [c('securityContext.seLinuxOptions')]],
    ['seccomp', [c('securityContext.seccompProfile.type')]],
    [
      'appArmor',
      [
        'spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]',
        'spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/init]',
      ],
    ],
  ] as [PspDefaultKey, string[]][])('finds where %s is unset', (key, paths) => {
    expect(gaps(key, bare)).toEqual(paths);
  });

  it('accepts values set at pod level, dropped capabilities and explicit profiles', () => {
    const set = podSpec({
      securityContext: {
        runAsUser: 10,
        runAsGroup: 10,
        fsGroup: 10,
        supplementalGroups: [10],
        seLinuxType: 'container_t',
        seccompProfileType: 'RuntimeDefault',
      },
      containers: [
        container('app', {
          securityContext: {
            capabilitiesDrop: ['NET_ADMIN', 'ALL'],
            allowPrivilegeEscalation: true,
            readOnlyRootFilesystem: false,
            appArmorProfile: 'RuntimeDefault',
          },
        }),
      ],
    });
    for (const d of defaults) expect(templateGaps(d, set, {}, 'spec.template.spec')).toEqual([]);
  });

  it('counts a seccomp annotation as set', () => {
    expect(gaps('seccomp', bare, { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' })).toEqual([]);
  });
});

describe('podShows', () => {
  it('recognizes the injected values in a running pod', () => {
    const template = podSpec();
    const running = podSpec({
      securityContext: { fsGroup: 4000, supplementalGroups: [5000] },
      containers: [
        container('app', {
          securityContext: { runAsUser: 1000, capabilitiesAdd: ['NET_ADMIN'], readOnlyRootFilesystem: true },
        }),
      ],
    });
    for (const key of [
      'runAsUser',
      'defaultAddCapabilities',
      'readOnlyRootFilesystem',
      'fsGroup',
      'supplementalGroups',
    ] as const) {
      const d = byKey(key);
      const [gap] = templateGaps(d, template, {}, 'spec.template.spec');
      expect(gap && podShows(d, gap, running, {})).toBe(true);
    }
    const aa = byKey('appArmor');
    const [gap] = templateGaps(aa, template, {}, 'spec.template.spec');
    expect(
      gap && podShows(aa, gap, running, { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/strict' }),
    ).toBe(true);
    expect(gap && podShows(aa, gap, running, {})).toBe(false);
  });
});
