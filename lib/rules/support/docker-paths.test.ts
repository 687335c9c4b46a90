import { describe, expect, it } from 'vitest';
import { classifyDockerPath, normalizePath } from './docker-paths';
import { endpointsIn, tcpReachesNode } from './docker-refs';

describe('docker-paths', () => {
  it('normalizes slashes, dots and trailing slashes', () => {
    expect(normalizePath('//var//run/./docker.sock/')).toBe('/var/run/docker.sock');
    expect(normalizePath('/var/lib/../run/')).toBe('/var/run');
    expect(normalizePath('')).toBe('/');
  });

  it('classifies Docker paths and leaves others alone', () => {
    expect(classifyDockerPath('/var/run/docker.sock')).toBe('socket');
    expect(classifyDockerPath('/var/lib/docker/containers/')).toBe('docker-data');
    expect(classifyDockerPath('/run/docker/netns')).toBe('docker-data');
    expect(classifyDockerPath('/etc/docker/certs.d')).toBe('docker-config');
    expect(classifyDockerPath('/var/run/')).toBe('run-dir');
    expect(classifyDockerPath('/var/lib')).toBe('broad');
    expect(classifyDockerPath('C:\\ProgramData\\docker\\containers')).toBe('docker-data');
    for (const p of [
      '/var/run/cri-dockerd.sock',
      '/var/lib/dockerish',
      '/var/log',
      '/run/containerd/containerd.sock',
    ]) {
      expect(classifyDockerPath(p)).toBeUndefined();
    }
  });
});

describe('docker-refs', () => {
  it('extracts URLs and bare socket paths from command lines', () => {
    const eps = endpointsIn(
      'dockerd-entrypoint --host=unix:///var/run/docker.sock -H tcp://0.0.0.0:2375 -v /run/docker.sock:/x',
    );
    expect(eps.map((e) => e.type)).toEqual(['path', 'tcp', 'path']);
    expect(eps[1]).toMatchObject({ host: '0.0.0.0' });
    expect(eps[2]).toMatchObject({ path: '/run/docker.sock' });
  });

  it('decides when TCP reaches the node', () => {
    expect(tcpReachesNode('172.17.0.1', false)).toBe(true);
    expect(tcpReachesNode('$(HOST_IP)', false)).toBe(true);
    expect(tcpReachesNode('localhost', false)).toBe(false);
    expect(tcpReachesNode('127.0.0.1', true)).toBe(true);
    expect(tcpReachesNode('dind.ci.svc', true)).toBe(false);
  });
});
