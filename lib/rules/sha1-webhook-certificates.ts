import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import type { Finding } from '../model/finding';
import type { KeptObject, KeptValue, ObjectRef } from '../model/snapshot';
import type { Text } from '../model/text';
import { list, t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import { named, ns, refText, setting, value } from './support/text';

const ID = 'sha1-webhook-certificates';
const CHANGE = 'sha1-serving-certificates';

/** Signature algorithms that hash with SHA-1 (RSA, ECDSA, DSA, and the old OIW RSA identifier). */
const SHA1_SIGNATURES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10040.4.3': 'dsa-with-sha1',
  '1.3.14.3.2.29': 'sha1WithRSASignature',
};

/** One certificate of a CA bundle, reduced to what the check needs. */
interface BundleCert {
  subject: string;
  selfSigned: boolean;
  sha1?: string;
}

/** One place kube-apiserver connects to with TLS: a webhook, a CRD conversion webhook or an APIService. */
interface Backend {
  ref: ObjectRef;
  /** The webhook name inside a configuration; undefined for APIServices and CRDs. */
  webhook?: string;
  /** Where the caBundle sits in the object. */
  path: Text;
  caBundle: string;
  service?: { namespace: string; name: string };
  url?: string;
  failurePolicy?: string;
}

/** What this check says. */
const say = {
  target: (b: Backend) =>
    b.webhook === undefined ? refText(b.ref) : t`webhook ${named(b.webhook)} of ${refText(b.ref)}`,
  endpoint: (b: Backend): Text =>
    b.service
      ? t`Service ${ns(b.service.namespace)}/${named(b.service.name)}`
      : b.url
        ? t`${value(b.url)}`
        : t`its endpoint`,
  signed: (b: Backend, certs: Text) =>
    t`The CA bundle kube-apiserver uses to trust ${say.target(b)} holds ${certs}, signed with SHA-1. Kubernetes 1.24 is built with Go 1.18, which refuses SHA-1 signatures on the certificates it verifies (only the trust anchor's own signature is exempt). A CA that signs with SHA-1 has almost certainly signed the serving certificate of ${say.endpoint(b)} the same way; if so, every call from kube-apiserver fails the TLS handshake after the upgrade${say.consequence(b)}.`,
  consequence: (b: Backend): Text => {
    if (b.ref.kind === 'APIService')
      return t`, and the aggregated API it serves becomes unavailable (kubectl and controllers that use it get errors)`;
    if (b.ref.kind === 'CustomResourceDefinition')
      return t`, so objects of this CRD can no longer be converted between versions`;
    return b.failurePolicy === 'Ignore'
      ? t`; with failurePolicy Ignore the requests it guards go through unchecked`
      : t`; with failurePolicy Fail every request it guards is rejected`;
  },
  cert: (c: BundleCert) => t`"${value(c.subject)}" (${setting(c.sha1 ?? '')}${c.selfSigned ? ', self-signed' : ''})`,
  fix: (b: Backend) =>
    t`Reissue the serving certificate of ${say.endpoint(b)} with a SHA-256 (or stronger) signature, and the CA too if it signs with SHA-1; then update the caBundle. The API does not show the serving certificate itself: check it from a pod in the cluster with \`openssl s_client -connect <service>.<namespace>.svc:443 </dev/null | openssl x509 -noout -text | grep 'Signature Algorithm'\`. If it cannot be replaced before the upgrade, kube-apiserver 1.24 accepts SHA-1 again with the environment variable GODEBUG=x509sha1=1, a stopgap that later Go releases remove.`,
  bundle: (b: Backend) => t`${b.path}`,
  algorithm: (c: BundleCert) => t`${setting(c.sha1 ?? '')}`,
  inBundle: (c: BundleCert) =>
    t`certificate "${value(c.subject)}" in the caBundle${c.selfSigned ? ' (a self-signed CA)' : ''} is signed with SHA-1`,
};

const text = (v: KeptValue | KeptValue[] | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const at = (v: KeptValue | KeptValue[] | undefined, i: number): string | undefined => {
  const item = Array.isArray(v) ? v[i] : undefined;
  return typeof item === 'string' ? item : undefined;
};

/** The certificates of a caBundle (base64 of PEM, as the API serves it); undecodable entries are skipped. */
export function bundleCertificates(caBundle: string): BundleCert[] {
  const pem = Buffer.from(caBundle, 'base64').toString('utf8');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    const der = Buffer.from(block.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
    try {
      const cert = AsnConvert.parse(der, Certificate);
      const subject = cert.tbsCertificate.subject.map((rdn) => rdn.map((a) => a.value.toString()).join('+')).join(',');
      const issuer = cert.tbsCertificate.issuer.map((rdn) => rdn.map((a) => a.value.toString()).join('+')).join(',');
      const sha1 = SHA1_SIGNATURES[cert.signatureAlgorithm.algorithm];
      return [{ subject, selfSigned: subject === issuer, ...(sha1 === undefined ? {} : { sha1 }) }];
    } catch {
      return [];
    }
  });
}

const objectRef = (o: KeptObject): ObjectRef => o.ref;

function webhookBackends(o: KeptObject): Backend[] {
  const names = o.fields['webhooks[].name'];
  const count = Array.isArray(names) ? names.length : 0;
  return Array.from({ length: count }, (_, i): Backend | undefined => {
    const caBundle = at(o.fields['webhooks[].clientConfig.caBundle'], i);
    const webhook = at(names, i);
    if (!caBundle || webhook === undefined) return undefined;
    const svcName = at(o.fields['webhooks[].clientConfig.service.name'], i);
    const svcNamespace = at(o.fields['webhooks[].clientConfig.service.namespace'], i);
    const url = at(o.fields['webhooks[].clientConfig.url'], i);
    const failurePolicy = at(o.fields['webhooks[].failurePolicy'], i);
    return {
      ref: objectRef(o),
      webhook,
      path: t`webhooks[${named(webhook)}].clientConfig.caBundle`,
      caBundle,
      ...(svcName && svcNamespace ? { service: { namespace: svcNamespace, name: svcName } } : {}),
      ...(url ? { url } : {}),
      ...(failurePolicy ? { failurePolicy } : {}),
    };
  }).filter((b): b is Backend => b !== undefined);
}

function apiServiceBackend(o: KeptObject): Backend[] {
  const caBundle = text(o.fields['spec.caBundle']);
  // With insecureSkipTLSVerify the aggregator checks no certificate at all.
  if (!caBundle || o.fields['spec.insecureSkipTLSVerify'] === true) return [];
  const name = text(o.fields['spec.service.name']);
  const namespace = text(o.fields['spec.service.namespace']);
  return [
    {
      ref: objectRef(o),
      path: t`spec.caBundle`,
      caBundle,
      ...(name && namespace ? { service: { namespace, name } } : {}),
    },
  ];
}

function conversionBackend(o: KeptObject): Backend[] {
  const caBundle = text(o.fields['spec.conversion.webhook.clientConfig.caBundle']);
  if (text(o.fields['spec.conversion.strategy']) !== 'Webhook' || !caBundle) return [];
  const name = text(o.fields['spec.conversion.webhook.clientConfig.service.name']);
  const namespace = text(o.fields['spec.conversion.webhook.clientConfig.service.namespace']);
  const url = text(o.fields['spec.conversion.webhook.clientConfig.url']);
  return [
    {
      ref: objectRef(o),
      path: t`spec.conversion.webhook.clientConfig.caBundle`,
      caBundle,
      ...(name && namespace ? { service: { namespace, name } } : {}),
      ...(url ? { url } : {}),
    },
  ];
}

function finding(b: Backend): Finding | undefined {
  const sha1 = bundleCertificates(b.caBundle).filter((c) => c.sha1 !== undefined);
  if (sha1.length === 0) return undefined;
  // A SHA-1 certificate that is not self-signed means the CA hands out SHA-1 signatures today.
  const issued = sha1.some((c) => !c.selfSigned);
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'breaking',
    confidence: issued ? 'likely' : 'possible',
    object: b.ref,
    ...(b.webhook === undefined ? {} : { discriminator: b.webhook }),
    message: say.signed(b, list(sha1.map(say.cert), 3)),
    remediation: say.fix(b),
    evidence: sha1.map((c) => ({
      source: 'field' as const,
      path: say.bundle(b),
      value: say.algorithm(c),
      detail: say.inBundle(c),
    })),
  });
}

export const rule: Rule = {
  id: ID,
  title: 'Webhooks and aggregated APIs trusted through a CA bundle signed with SHA-1',
  changeIds: [CHANGE],
  needs: [
    'validatingwebhookconfigurations',
    'mutatingwebhookconfigurations',
    'apiservices',
    'customresourcedefinitions',
  ],
  run(snapshot) {
    const backends = [
      ...(snapshot.kept.validatingwebhookconfigurations ?? []).flatMap(webhookBackends),
      ...(snapshot.kept.mutatingwebhookconfigurations ?? []).flatMap(webhookBackends),
      ...(snapshot.kept.apiservices ?? []).flatMap(apiServiceBackend),
      ...(snapshot.kept.customresourcedefinitions ?? []).flatMap(conversionBackend),
    ];
    return sortFindings(backends.flatMap((b) => finding(b) ?? []));
  },
};
