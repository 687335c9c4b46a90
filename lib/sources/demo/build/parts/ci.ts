/** The ci namespace: a Jenkins agent on the Docker socket and a CronJob applied as batch/v1beta1. */
import { container, controller, lastApplied, managed, meta, podOf, template } from './k8s';
import type { Obj } from './k8s';

/** The ci namespace. */
export function ci(): Obj[] {
  const agent = controller(
    'apps/v1',
    'DaemonSet',
    'jenkins-agent',
    'ci',
    template(
      { app: 'jenkins-agent' },
      {
        containers: [
          container('jnlp', 'jenkins/inbound-agent:4.11-1-jdk11', {
            args: ['-url', 'http://jenkins.ci:8080', '-workDir', '/home/jenkins/agent'],
            env: [
              { name: 'DOCKER_HOST', value: 'unix:///var/run/docker.sock' },
              { name: 'JENKINS_AGENT_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            ],
            securityContext: { privileged: true },
            volumeMounts: [{ mountPath: '/var/run/docker.sock', name: 'docker-sock' }],
          }),
        ],
        serviceAccountName: 'jenkins-agent',
        volumes: [{ hostPath: { path: '/var/run/docker.sock', type: 'Socket' }, name: 'docker-sock' }],
      },
    ),
  );
  const cleanup: Obj = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('nightly-cleanup', 'ci', {
      annotations: lastApplied('batch/v1beta1', 'CronJob', 'nightly-cleanup', 'ci'),
      managedFields: [
        managed('kubectl-client-side-apply', 'batch/v1beta1', '2022-03-14T10:00:00Z'),
        managed('kube-controller-manager', 'batch/v1', '2024-02-29T03:00:07Z', 'status'),
      ],
    }),
    spec: {
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          template: template(
            { app: 'nightly-cleanup' },
            {
              containers: [
                container('cleanup', 'bitnami/kubectl:1.23', {
                  command: ['sh', '-c', 'kubectl delete pods -n ci --field-selector=status.phase==Succeeded'],
                }),
              ],
              priorityClassName: 'batch-low',
              restartPolicy: 'OnFailure',
              serviceAccountName: 'cleanup',
            },
          ),
        },
      },
      schedule: '0 3 * * *',
      suspend: false,
    },
  };
  return [agent, podOf(agent, 'jenkins-agent-8f2kd', 'worker-1', 'privileged', 'h4j5k'), cleanup];
}
