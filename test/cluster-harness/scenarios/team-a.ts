import { UNLABELLED_NAMESPACES } from '../../../lib/rules/pod-security-levels';
import { TEAM_A_NAMESPACE as NS } from '../harness/users';
import { container, deployment, hostPath, key, mount } from './builders';
import { helmRelease, template } from './helm-release';
import type { Scenario } from './types';

const pdbV1beta1 = `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: team-a-api
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: team-a-api`;

export const teamA: Scenario = {
  name: 'team-a',
  description:
    'The namespace the team-a user may read (and nothing else): a workload on the node Docker socket, a CronJob written through batch/v1beta1 by the team CI, a Helm release storing policy/v1beta1, and clean objects. The namespace has no Pod Security labels; its hostPath workload needs privileged. The team-a user cannot read the Namespace object itself, so that finding only shows up for cluster-wide scans.',
  namespaces: [NS],
  objects: [
    {
      manifest: deployment(NS, 'team-a-api', {
        containers: [
          container('api', 'ghcr.io/team-a/api:4.1.0', { volumeMounts: [mount('docker', '/var/run/docker.sock')] }),
        ],
        volumes: [hostPath('docker', '/var/run/docker.sock', 'Socket')],
      }),
    },
    {
      manifest: {
        apiVersion: 'batch/v1beta1',
        kind: 'CronJob',
        metadata: { name: 'team-a-report', namespace: NS, labels: { app: 'team-a-report' } },
        spec: {
          schedule: '15 1 * * *',
          jobTemplate: {
            spec: {
              template: {
                spec: { restartPolicy: 'OnFailure', containers: [container('report', 'ghcr.io/team-a/report:1.0.3')] },
              },
            },
          },
        },
      },
      fieldManager: 'team-a-ci',
    },
    {
      manifest: helmRelease({
        namespace: NS,
        release: 'team-a-api',
        revision: 1,
        status: 'deployed',
        chart: 'team-a-api',
        chartVersion: '1.0.0',
        appVersion: '4.1.0',
        manifest: template('team-a-api', 'pdb.yaml', pdbV1beta1),
      }),
    },
    { manifest: deployment(NS, 'team-a-web', { containers: [container('web', 'ghcr.io/team-a/web:2.3.1')] }) },
    {
      manifest: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'team-a-settings', namespace: NS },
        data: { LOG_LEVEL: 'info' },
      },
    },
  ],
  expect: [
    {
      ...key('Deployment', 'team-a-api', NS),
      changeId: 'dockershim-removal',
      severity: 'breaking',
      why: 'mounts hostPath /var/run/docker.sock',
    },
    {
      ...key('CronJob', 'team-a-report', NS),
      changeId: 'cronjob-v1beta1-removal',
      severity: 'breaking',
      evidence: 'managed-fields',
      confidence: 'likely',
      why: 'team-a-ci writes it through batch/v1beta1',
    },
    {
      ...key('CronJob', 'team-a-report', NS),
      changeId: 'cronjob-timezone-beta',
      severity: 'info',
      why: 'no spec.timeZone',
    },
    {
      ...key('PodDisruptionBudget', 'team-a-api', NS),
      changeId: 'pdb-v1beta1-removal',
      severity: 'breaking',
      evidence: 'helm-secret',
      helmRelease: 'team-a-api',
      why: 'deployed Helm release stores policy/v1beta1',
    },
    {
      ...key('Namespace', UNLABELLED_NAMESPACES),
      changeId: 'psp-removal',
      severity: 'action',
      why: 'no Pod Security labels; a hostPath workload needs privileged',
      detail: { namespace: NS, suggestedLevel: 'privileged' },
    },
  ],
  clean: [key('Deployment', 'team-a-web', NS), key('ConfigMap', 'team-a-settings', NS)],
};
