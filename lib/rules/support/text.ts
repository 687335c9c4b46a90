import type { Container, ObjectRef } from '../../model/snapshot';
import { slot, t, type Slot, type Text } from '../../model/text';
import type { PodSubject } from './subjects';

/** Slots for the values checks put in sentences: each says what the value is, so redaction knows what to map. */
export const ns = (v: string): Slot => slot('namespace', v);
/** An object's own name: a pod, controller, Secret, ServiceAccount, StorageClass, PSP, container or volume. */
export const named = (v: string): Slot => slot('name', v);
export const node = (v: string): Slot => slot('node', v);
export const image = (v: string): Slot => slot('image', v);
export const helmRelease = (v: string): Slot => slot('helm-release', v);
/** Free-form data from the cluster: label, annotation and env values, command lines. */
export const value = (v: string): Slot => slot('value', v);
export const version = (v: string): Slot => slot('version', v);
/** An API vocabulary word read from the cluster: an apiVersion, a group, a kind, a resource, a driver name. */
export const api = (v: string): Slot => slot('api', v);
/** A path on a node or in a container. */
export const hostPath = (v: string): Slot => slot('path', v);
/** A setting that names no one: a schedule, a time zone, a port, a mode. */
export const setting = (v: string): Slot => slot('setting', v);
/** An IP address of the cluster's own network. */
export const ip = (v: string): Slot => slot('ip', v);
/** A label, annotation, taint or env key. */
export const key = (v: string): Slot => slot('key', v);

/** The name of an object as a slot of the right kind: Namespaces and Nodes are identities of their own kind. */
export function nameOf(ref: ObjectRef): Slot {
  if (ref.kind === 'Namespace') return ns(ref.name);
  if (ref.kind === 'Node') return node(ref.name);
  return named(ref.name);
}

/** 'Deployment shop/web', 'Namespace shop', 'PersistentVolume pv-1'. */
export function refText(ref: ObjectRef): Text {
  return ref.namespace === undefined
    ? t`${api(ref.kind)} ${nameOf(ref)}`
    : t`${api(ref.kind)} ${ns(ref.namespace)}/${nameOf(ref)}`;
}

/** 'shop/web' or 'web': an object's namespaced name. */
export function qualifiedName(ref: { namespace?: string; name: string }): Text {
  return ref.namespace === undefined ? t`${named(ref.name)}` : t`${ns(ref.namespace)}/${named(ref.name)}`;
}

/** The field list a container sits in. */
export function containerList(c: Container): 'containers' | 'initContainers' | 'ephemeralContainers' {
  return c.role === 'init' ? 'initContainers' : c.role === 'ephemeral' ? 'ephemeralContainers' : 'containers';
}

/** The evidence path of a container in a subject's spec: spec.template.spec.containers[web]. */
export function containerPath(subject: PodSubject, c: Container): Text {
  return t`${subject.specPath}.${containerList(c)}[${named(c.name)}]`;
}
