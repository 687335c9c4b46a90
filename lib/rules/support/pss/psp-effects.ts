import type { PspDefault } from './psp-defaults';

/** What new pods get once the PSP no longer fills the field: 'run <effect>'. */
export function pspEffect(d: PspDefault, psp: string): string {
  switch (d.key) {
    case 'defaultAddCapabilities':
      return `without the capabilities ${d.value}, which PodSecurityPolicy ${psp} added through defaultAddCapabilities; code that needs them fails with "operation not permitted"`;
    case 'requiredDropCapabilities':
      if (d.caps?.includes('ALL')) {
        return `with the container runtime's default capabilities (CHOWN, NET_RAW, SETUID and others) that PodSecurityPolicy ${psp} dropped through requiredDropCapabilities: ALL`;
      }
      return `with the capabilities ${d.value} that PodSecurityPolicy ${psp} dropped, because nothing drops them any more`;
    case 'allowPrivilegeEscalation':
      return 'with allowPrivilegeEscalation true (the Kubernetes default) instead of false, so setuid binaries can gain privileges again';
    case 'runAsUser':
      return `as the user set in the image (root when the image sets none) instead of UID ${d.value}; files the app writes, and volumes it expects to own, get a different owner`;
    case 'runAsNonRoot':
      return 'without runAsNonRoot: true, so the kubelet no longer refuses to start an image that runs as root';
    case 'runAsGroup':
      return `with the image's primary group instead of GID ${d.value}, which can cost it access to group-owned files`;
    case 'fsGroup':
      return `without fsGroup ${d.value}, so their volumes are no longer made group-owned and writable for GID ${d.value}; a non-root process may lose write access to them`;
    case 'supplementalGroups':
      return `without the supplemental group ${d.value}, so access granted to that group (NFS exports, shared volumes) is lost`;
    case 'readOnlyRootFilesystem':
      return 'with a writable root filesystem instead of a read-only one';
    case 'seLinux':
      return `with SELinux labels picked by the container runtime instead of the options PodSecurityPolicy ${psp} set, which can deny access to volumes labelled for the old ones`;
    case 'seccomp':
      return `without a seccomp profile (Unconfined, unless the kubelet's seccompDefault is on) instead of ${d.value}`;
    case 'appArmor':
      return `with the container runtime's default AppArmor profile instead of ${d.value}`;
  }
}
