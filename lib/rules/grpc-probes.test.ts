import { describe, expect, it } from 'vitest';
import type { Probe } from '../model/snapshot';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './grpc-probes';
import { plainRule } from './testing/plain';
import { parseGrpcHealthProbe } from './grpc-probes';
import { ctx } from './testing/objects';

const rule = plainRule(check);

const exec = (kind: Probe['kind'], command: string[]): Probe => ({ kind, handler: 'exec', command });

describe('parseGrpcHealthProbe', () => {
  it.each([
    [['/bin/grpc_health_probe', '-addr=:50051'], { port: 50051, host: '' }],
    [
      ['grpc_health_probe', '-addr', 'localhost:9090', '-service', 'api.v1'],
      { port: 9090, host: 'localhost', service: 'api.v1' },
    ],
    [
      ['sh', '-c', '/usr/local/bin/grpc_health_probe --addr=127.0.0.1:8080 -tls || exit 1'],
      { port: 8080, unsupported: ['-tls'] },
    ],
    [['/bin/grpc_health_probe', '-addr=other-svc:5000'], { port: 5000, host: 'other-svc' }],
  ])('parses %j', (command, expected) => {
    expect(parseGrpcHealthProbe(command)).toMatchObject(expected);
  });

  it('ignores other commands', () => {
    expect(parseGrpcHealthProbe(['cat', '/tmp/healthy'])).toBeUndefined();
    expect(parseGrpcHealthProbe(['/bin/grpc_health_probe_wrapper.sh'])).toBeUndefined();
  });
});

describe('grpc-probes', () => {
  it('suggests the native probe with the port from -addr, one finding per container', () => {
    const c = container('server', {
      probes: [
        exec('liveness', ['/bin/grpc_health_probe', '-addr=:50051']),
        exec('readiness', ['/bin/grpc_health_probe', '-addr=:50051']),
      ],
    });
    const [f, ...rest] = rule.run(
      snapshot({ workloads: [workload('Deployment', 'api', 'shop', { containers: [c] })] }),
      ctx(),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ changeId: 'grpc-probes-beta', severity: 'info', confidence: 'certain' });
    expect(f?.message).toContain('liveness and readiness probes');
    expect(f?.remediation).toContain('grpc: {port: 50051}');
    expect(f?.evidence[0]?.path).toBe('spec.template.spec.containers[server].livenessProbe.exec.command');
  });

  it('warns when TLS or a remote address keeps the exec probe necessary', () => {
    const c = container('server', { probes: [exec('liveness', ['grpc_health_probe', '-addr=db:5000', '-tls'])] });
    const [f] = rule.run(snapshot({ pods: [pod('p', 'shop', { containers: [c] })] }), ctx());
    expect(f?.message).toContain('-tls');
    expect(f?.message).toContain("pod's own IP");
  });

  it('does not flag native, http or other exec probes', () => {
    const c = container('server', {
      probes: [
        { kind: 'liveness', handler: 'grpc' },
        { kind: 'readiness', handler: 'httpGet' },
        exec('startup', ['cat', '/tmp/ready']),
      ],
    });
    expect(
      rule.run(snapshot({ workloads: [workload('Deployment', 'api', 'shop', { containers: [c] })] }), ctx()),
    ).toEqual([]);
  });
});
