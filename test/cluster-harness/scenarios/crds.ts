import { key } from './builders';
import type { Manifest, Scenario } from './types';

const schema = { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } };
const version = (name: string, storage: boolean, deprecated = false) => ({
  name,
  served: true,
  storage,
  ...(deprecated
    ? {
        deprecated: true,
        deprecationWarning: `snapshot.storage.k8s.io/${name} is deprecated; use snapshot.storage.k8s.io/v1`,
      }
    : {}),
  schema,
  subresources: { status: {} },
});
const crd = (plural: string, kind: string, group: string, scope: string, versions: unknown[]): Manifest => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: {
    name: `${plural}.${group}`,
    annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes-csi/external-snapshotter/pull/419' },
  },
  spec: { group, scope, names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` }, versions },
});

export const crds: Scenario = {
  name: 'crds',
  description:
    'Custom resource definitions: the VolumeSnapshot CRD from an external-snapshotter release that still serves v1beta1, a VolumeSnapshotContent CRD that serves only v1, and the Gatekeeper ConstraintTemplate CRD (a policy-engine hint for PSP migration, not a finding).',
  namespaces: [],
  objects: [
    {
      manifest: crd('volumesnapshots', 'VolumeSnapshot', 'snapshot.storage.k8s.io', 'Namespaced', [
        version('v1', true),
        version('v1beta1', false, true),
      ]),
    },
    {
      manifest: crd('volumesnapshotcontents', 'VolumeSnapshotContent', 'snapshot.storage.k8s.io', 'Cluster', [
        version('v1', true),
      ]),
    },
    {
      manifest: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'constrainttemplates.templates.gatekeeper.sh', labels: { 'gatekeeper.sh/system': 'yes' } },
        spec: {
          group: 'templates.gatekeeper.sh',
          scope: 'Cluster',
          names: {
            plural: 'constrainttemplates',
            singular: 'constrainttemplate',
            kind: 'ConstraintTemplate',
            listKind: 'ConstraintTemplateList',
          },
          versions: [{ name: 'v1', served: true, storage: true, schema, subresources: { status: {} } }],
        },
      },
    },
  ],
  expect: [
    {
      ...key('CustomResourceDefinition', 'volumesnapshots.snapshot.storage.k8s.io'),
      changeId: 'volume-snapshot-v1beta1-removal',
      severity: 'action',
      why: 'the CRD still serves snapshot.storage.k8s.io/v1beta1, which current snapshot controllers no longer support',
    },
  ],
  clean: [
    key('CustomResourceDefinition', 'volumesnapshotcontents.snapshot.storage.k8s.io'),
    key('CustomResourceDefinition', 'constrainttemplates.templates.gatekeeper.sh'),
  ],
};
