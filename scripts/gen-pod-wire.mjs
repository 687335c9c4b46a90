#!/usr/bin/env node
// Regenerates lib/sources/cluster/wire/pod-schema.json, what a scan needs to read Pods as protobuf: the message
// types a PodList is made of (from the .proto files of k8s.io/api and k8s.io/apimachinery, loaded by protobufjs and
// cut down to those types), and for each type how its fields map to JSON (from the Go types themselves, by
// scripts/pod-wire/main.go: JSON names, inlined structs, omitempty). Needs Go and its module proxy; run by hand when
// the Kubernetes version the schema follows changes:  node scripts/gen-pod-wire.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

const root = path.join(import.meta.dirname, '..');
const tool = path.join(import.meta.dirname, 'pod-wire');
const go = (...args) => execFileSync('go', args, { cwd: tool, encoding: 'utf8', maxBuffer: 64 << 20 });

const json = JSON.parse(go('run', '.'));
const modules = go('list', '-m', '-json', 'k8s.io/api', 'k8s.io/apimachinery')
  .split(/\n(?=\{)/)
  .map((m) => JSON.parse(m));
const dirOf = (name) => {
  const m = modules.find((x) => x.Path === name);
  if (!m?.Dir) throw new Error(`${name} is not downloaded; run go mod download in ${tool}`);
  return m;
};
const api = dirOf('k8s.io/api');
const machinery = dirOf('k8s.io/apimachinery');

const proto = new protobuf.Root();
proto.resolvePath = (_origin, target) =>
  target.startsWith('k8s.io/api/')
    ? path.join(api.Dir, target.slice('k8s.io/api/'.length))
    : path.join(machinery.Dir, target.slice('k8s.io/apimachinery/'.length));
proto.loadSync(['k8s.io/api/core/v1/generated.proto'], { keepCase: true });
proto.resolveAll();

// The types a PodList reaches, the envelope every protobuf answer comes in, and the Status an error answer holds.
const reached = new Set();
const visit = (type) => {
  const name = type.fullName.slice(1);
  if (reached.has(name)) return;
  reached.add(name);
  for (const f of type.fieldsArray) if (f.resolvedType instanceof protobuf.Type) visit(f.resolvedType);
};
visit(proto.lookupType('k8s.io.api.core.v1.PodList'));
visit(proto.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown'));
visit(proto.lookupType('k8s.io.apimachinery.pkg.apis.meta.v1.Status'));

const prune = (node, prefix) => {
  if (!node.nested) return;
  for (const [key, child] of Object.entries(node.nested)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (child.fields) {
      if (!reached.has(name)) delete node.nested[key];
    } else {
      prune(child, name);
      if (!child.nested || Object.keys(child.nested).length === 0) delete node.nested[key];
    }
  }
};
const descriptor = proto.toJSON();
prune(descriptor, '');

const jsonOf = Object.fromEntries(Object.entries(json).filter(([name]) => reached.has(name)));
for (const name of reached) {
  const type = proto.lookupType(name);
  const known = jsonOf[name];
  if (!known) continue; // the special types (Time, Quantity, ...) and the envelope
  for (const f of known.fields) {
    // Matched by number: the Go tag leaves the name out for some inlined structs.
    const pf = type.fieldsArray.find((x) => x.id === f.number);
    if (!pf) throw new Error(`${name}: field ${f.number} of the Go type is not in the .proto`);
    f.proto = pf.name;
  }
  if (known.fields.length !== type.fieldsArray.length) throw new Error(`${name}: the Go type and the .proto differ`);
}

const out = {
  source: `k8s.io/api ${api.Version}, k8s.io/apimachinery ${machinery.Version}`,
  protobuf: descriptor,
  json: jsonOf,
};
const file = path.join(root, 'lib', 'sources', 'cluster', 'wire', 'pod-schema.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(`wrote ${path.relative(root, file)}: ${reached.size} message types`);
