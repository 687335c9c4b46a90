/**
 * Small builders of raw Kubernetes objects, shaped like `kubectl get -o json --show-managed-fields` output, for
 * the demo cluster. Uids and timestamps are deterministic so the generated file only changes when the demo does.
 */

export type Obj = Record<string, unknown>;

let uidCounter = 0;

/** A deterministic UUID-shaped uid. */
export function uid(): string {
  uidCounter += 1;
  return `5e1ea5e0-0000-4000-8000-${uidCounter.toString(16).padStart(12, '0')}`;
}

/** Restarts uids, so every build of the demo is identical. */
export function resetUids(): void {
  uidCounter = 0;
}

/** A container securityContext that passes the restricted PSP and most of the restricted standard. */
export const nonRoot = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true };

export const CREATED = '2022-03-14T10:00:00Z';

export interface MetaOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  managedFields?: Obj[];
  created?: string;
}

/** Object metadata. */
export function meta(name: string, namespace: string | undefined, o: MetaOptions = {}): Obj {
  return {
    ...(o.annotations ? { annotations: o.annotations } : {}),
    creationTimestamp: o.created ?? CREATED,
    ...(o.labels ? { labels: o.labels } : {}),
    ...(o.managedFields ? { managedFields: o.managedFields } : {}),
    name,
    ...(namespace === undefined ? {} : { namespace }),
    ...(o.owner ? { ownerReferences: [{ ...o.owner, blockOwnerDeletion: true, controller: true }] } : {}),
    resourceVersion: '1',
    uid: uid(),
  };
}

/** One managedFields entry (the field set itself is left out: the checks never read it). */
export function managed(manager: string, apiVersion: string, time: string, subresource?: string): Obj {
  return {
    apiVersion,
    fieldsType: 'FieldsV1',
    fieldsV1: {},
    manager,
    operation: manager.includes('apply') && manager !== 'kubectl-client-side-apply' ? 'Apply' : 'Update',
    ...(subresource ? { subresource } : {}),
    time,
  };
}

/** The annotation `kubectl apply` leaves, holding the object as it was applied (kept short here). */
export function lastApplied(
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
): Record<string, string> {
  const applied = { apiVersion, kind, metadata: { annotations: {}, name, ...(namespace ? { namespace } : {}) } };
  return { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(applied)}\n` };
}

/** Labels and annotations Helm 3 puts on the objects it manages. */
export function helmOwned(release: string, namespace: string, chart: string): MetaOptions {
  return {
    labels: { 'app.kubernetes.io/instance': release, 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': chart },
    annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace },
  };
}

/** A container with the given extra fields. */
export function container(name: string, image: string, extra: Obj = {}): Obj {
  return { image, imagePullPolicy: 'IfNotPresent', name, resources: {}, ...extra };
}

/** A pod template (for controllers). */
export function template(labels: Record<string, string>, spec: Obj, annotations?: Record<string, string>): Obj {
  return { metadata: { ...(annotations ? { annotations } : {}), labels }, spec: { restartPolicy: 'Always', ...spec } };
}

/** A controller with a pod template: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job. */
export function controller(
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string,
  tmpl: Obj,
  o: MetaOptions & { replicas?: number; extraSpec?: Obj } = {},
): Obj {
  const selector = kind === 'ReplicationController' ? { app: name } : { matchLabels: { app: name } };
  return {
    apiVersion,
    kind,
    metadata: meta(name, namespace, o),
    spec: { ...(o.replicas === undefined ? {} : { replicas: o.replicas }), selector, template: tmpl, ...o.extraSpec },
  };
}

/** A running pod with the given spec, owned by `owner` when given. */
export function pod(name: string, namespace: string, nodeName: string, spec: Obj, o: MetaOptions = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, namespace, o),
    spec: { nodeName, restartPolicy: 'Always', serviceAccountName: 'default', ...spec },
    status: { phase: 'Running' },
  };
}

/** The reference an owned object keeps to its controller. */
export function ownerOf(o: Obj): { apiVersion: string; kind: string; name: string; uid: string } {
  const m = o.metadata as Obj;
  return { apiVersion: String(o.apiVersion), kind: String(o.kind), name: String(m.name), uid: String(m.uid) };
}

/** The volume and mount that admission adds for the service-account token. */
export function tokenVolume(suffix: string): { volume: Obj; mount: Obj } {
  const name = `kube-api-access-${suffix}`;
  return {
    volume: {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          {
            downwardAPI: {
              items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
            },
          },
        ],
      },
    },
    mount: { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true },
  };
}

/** A Service. */
export function service(name: string, namespace: string, spec: Obj, o: MetaOptions = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, namespace, o),
    spec: { type: 'ClusterIP', ...spec },
  };
}

/**
 * A pod created from a controller's template: the template's spec and annotations, the injected token volume,
 * the PSP that admitted it and an owner reference to `owner` (a ReplicaSet, DaemonSet, StatefulSet...).
 */
export function podOf(owner: Obj, name: string, nodeName: string, psp: string | undefined, tokenSuffix: string): Obj {
  const spec = owner.spec as Obj;
  const tmpl = (spec.template ?? ((spec.jobTemplate as Obj).spec as Obj).template) as Obj;
  const tmplMeta = tmpl.metadata as Obj;
  const tmplSpec = tmpl.spec as Obj;
  const token = tokenVolume(tokenSuffix);
  const containers = (tmplSpec.containers as Obj[]).map((c) => ({
    ...c,
    volumeMounts: [...((c.volumeMounts as Obj[] | undefined) ?? []), token.mount],
  }));
  const annotations = {
    ...((tmplMeta.annotations as Record<string, string> | undefined) ?? {}),
    ...(psp ? { 'kubernetes.io/psp': psp } : {}),
  };
  const ownerMeta = owner.metadata as Obj;
  return pod(
    name,
    String(ownerMeta.namespace),
    nodeName,
    { ...tmplSpec, containers, volumes: [...((tmplSpec.volumes as Obj[] | undefined) ?? []), token.volume] },
    {
      labels: tmplMeta.labels as Record<string, string>,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      owner: ownerOf(owner),
    },
  );
}

/** The ReplicaSet a Deployment created for its current template. */
export function replicaSetOf(deployment: Obj, hash: string): Obj {
  const m = deployment.metadata as Obj;
  const spec = deployment.spec as Obj;
  const tmpl = spec.template as Obj;
  const tmplMeta = tmpl.metadata as Obj;
  const labels = { ...(tmplMeta.labels as Record<string, string>), 'pod-template-hash': hash };
  const annotations = m.annotations as Record<string, string> | undefined;
  const helm = annotations?.['meta.helm.sh/release-name']
    ? {
        annotations: {
          'meta.helm.sh/release-name': annotations['meta.helm.sh/release-name'],
          'meta.helm.sh/release-namespace': String(m.namespace),
        },
      }
    : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(`${String(m.name)}-${hash}`, String(m.namespace), { labels, owner: ownerOf(deployment), ...helm }),
    spec: {
      replicas: spec.replicas,
      selector: {
        matchLabels: {
          ...(spec.selector as { matchLabels: Record<string, string> }).matchLabels,
          'pod-template-hash': hash,
        },
      },
      template: { ...tmpl, metadata: { ...tmplMeta, labels } },
    },
  };
}
