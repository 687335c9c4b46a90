import { describe, expect, it } from 'vitest';
import type { KeptObject } from '../model/snapshot';
import { snapshot, withForbidden } from '../snapshot/test-fixtures';
import { bundleCertificates, rule as check } from './sha1-webhook-certificates';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

/** ca1.pem: generated with openssl for this test. */
const SHA1_CA = `-----BEGIN CERTIFICATE-----
MIICADCCAWmgAwIBAgIUA6lawacfz1n5d5kxG5mRrKH0KIUwDQYJKoZIhvcNAQEF
BQAwEjEQMA4GA1UEAwwHc2hhMS1jYTAeFw0yNjEyMDUwNjU5MjVaFw0zNjEyMDIw
NjU5MjVaMBIxEDAOBgNVBAMMB3NoYTEtY2EwgZ8wDQYJKoZIhvcNAQEBBQADgY0A
MIGJAoGBALj/tIcYxMU9uLLo5UQJfY1U0/uB7KLwfAI1YQ5NyYsGWpLCLLw4VXml
Pa4wQV0bzebKiuhfCQAjNVLYPuH1hn4CQHvcy0dUD3ogBErrg5KYIHGmzqnfhX9c
pL5K5x6/x9e7eQ2a/Ik6CG2cu4ujrXQR8pAYKvqmRV8BxgvxP//fAgMBAAGjUzBR
MB0GA1UdDgQWBBR4nZ1ZVrK2U7+2hQesARUZgoO8gjAfBgNVHSMEGDAWgBR4nZ1Z
VrK2U7+2hQesARUZgoO8gjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBBQUA
A4GBALIRuaz5vxO/f3p69JEAdZuy10nH54YDFsbDQJVlpu0cgqfmb6QOwr9qWIsN
rJaEtAO9wo/XZ4lQt8E1+KOLv5OZhBGMwb3UTRph1DECEQLIKMj0Cax1m7T8W8Xi
oeuZOshw+x6nktpiO+XR3uwXz+qUL2XBzDTAkgPIAv3lghRl
-----END CERTIFICATE-----`;

/** ca2.pem: generated with openssl for this test. */
const SHA256_CA = `-----BEGIN CERTIFICATE-----
MIICBDCCAW2gAwIBAgIUDcy2X8E6UM+sVE8X2gKAXwKiD94wDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbW9kZXJuLWNhMB4XDTI2MTIwNTA2NTkyNVoXDTM2MTIw
MjA2NTkyNVowFDESMBAGA1UEAwwJbW9kZXJuLWNhMIGfMA0GCSqGSIb3DQEBAQUA
A4GNADCBiQKBgQCtAluEmZ3YIE3qkpOsdK+wZxmypMEE1RXcbdSBKJEiaEv/zk57
TpkdP9bMcJHTxoTWldpBCKQyPP4Rygoxe2uXHWkJIJRUcRYNBvvw0ueD1+RvOSPh
IcixS92P6ItzXunYp5Z+8rAQZGWYiG5C/35EVm8g4KotQpst6ZDJlvepnwIDAQAB
o1MwUTAdBgNVHQ4EFgQUKWqMVflCVDZPpJrHPj8RaImKNOUwHwYDVR0jBBgwFoAU
KWqMVflCVDZPpJrHPj8RaImKNOUwDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0B
AQsFAAOBgQBD3yi/vCjQyZ4tGOX5YYeFcPZwA5bbSJaYcDGzeaYBtaCC8SfkNtqd
xaxQ504/8MyvRW1+UlVSkPA+dT07o8eQ3XeA9i7xQGx440M+dtGCKrxKGl/LnsP8
NJ93+UHnPMptyaCKtmUAHsyU+zhheIBTqcI2u7pf8A6GEzl2wS1MJQ==
-----END CERTIFICATE-----`;

/** leaf-sha1.pem: generated with openssl for this test. */
const SHA1_LEAF = `-----BEGIN CERTIFICATE-----
MIIBsDCCARkCFD07LcrDwTB3gCgVw5R/xtJvq/P9MA0GCSqGSIb3DQEBBQUAMBQx
EjAQBgNVBAMMCW1vZGVybi1jYTAeFw0yNjEyMDUwNjU5MjVaFw0zNjEyMDIwNjU5
MjVaMBoxGDAWBgNVBAMMD2hvb2sudGVuYW50LnN2YzCBnzANBgkqhkiG9w0BAQEF
AAOBjQAwgYkCgYEA3bidgijKEy3zhEu8KQRZp9NeNDmx6Y5xEyD5AzJlkR4hYIOn
blfERiFn40uD3xd63i/YFcPrKSVdNQvwg8Dknb+tQe26g6t3gBH/oyPYqT/S2Mjo
M+L6ikF1OoWYLKBXbUrHEMnU6cmf8CQobXJ2SrkYnSp1HL4YiBqm8n3bXTUCAwEA
ATANBgkqhkiG9w0BAQUFAAOBgQByl5wFTtNemJPO7eITqK1BGNZ5hTtwEPYWX2cY
VpzW/HRC8qpcYwocZu2efBGKSvNu4tx+Yf8aSABWvzExdHUcj8AiM9BaE03oblKt
W29H2d9HVkunI/mXbEGB8yH6MHA/AR2tMsxWncKlJ4xt+3ZFJWV44fKYqkkP6pA4
CnMBrQ==
-----END CERTIFICATE-----`;

const b64 = (...pems: string[]) => Buffer.from(pems.join('\n')).toString('base64');

const webhookConfig = (name: string, caBundle: string, failurePolicy = 'Fail'): KeptObject => ({
  ref: { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', name },
  fields: {
    'webhooks[].name': ['check.example.com', 'other.example.com'],
    'webhooks[].failurePolicy': [failurePolicy, 'Ignore'],
    'webhooks[].clientConfig.caBundle': [caBundle, null],
    'webhooks[].clientConfig.service.namespace': ['tenant', null],
    'webhooks[].clientConfig.service.name': ['hook', null],
    'webhooks[].clientConfig.url': [null, 'https://hooks.example.com/validate'],
  },
});

const apiService = (name: string, caBundle: string, insecure = false): KeptObject => ({
  ref: { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', name },
  fields: {
    'spec.caBundle': caBundle,
    'spec.insecureSkipTLSVerify': insecure,
    'spec.service.namespace': 'monitoring',
    'spec.service.name': 'custom-metrics',
  },
});

const crd = (name: string, caBundle: string, strategy = 'Webhook'): KeptObject => ({
  ref: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name },
  fields: {
    'spec.conversion.strategy': strategy,
    'spec.conversion.webhook.clientConfig.caBundle': caBundle,
    'spec.conversion.webhook.clientConfig.service.namespace': 'widgets',
    'spec.conversion.webhook.clientConfig.service.name': 'converter',
  },
});

describe('bundleCertificates', () => {
  it('reads the signature algorithm and whether each certificate is self-signed', () => {
    expect(bundleCertificates(b64(SHA1_CA, SHA256_CA, SHA1_LEAF))).toEqual([
      { subject: 'sha1-ca', selfSigned: true, sha1: 'sha1WithRSAEncryption' },
      { subject: 'modern-ca', selfSigned: true },
      { subject: 'hook.tenant.svc', selfSigned: false, sha1: 'sha1WithRSAEncryption' },
    ]);
  });

  it('skips what is not a certificate', () => {
    expect(bundleCertificates(b64('-----BEGIN CERTIFICATE-----\nnot der\n-----END CERTIFICATE-----'))).toEqual([]);
    expect(bundleCertificates('%%%')).toEqual([]);
  });
});

describe('sha1-webhook-certificates', () => {
  it('finds a webhook whose CA bundle holds a SHA-1 certificate, and says what fails', () => {
    const s = snapshot({ kept: { validatingwebhookconfigurations: [webhookConfig('policy', b64(SHA1_CA))] } });
    const [f, ...rest] = rule.run(s, ruleContext({ target: '1.25' }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'sha1-serving-certificates',
      severity: 'breaking',
      confidence: 'possible',
      object: { kind: 'ValidatingWebhookConfiguration', name: 'policy' },
    });
    expect(f?.message).toContain('webhook check.example.com of ValidatingWebhookConfiguration policy');
    expect(f?.message).toContain('Service tenant/hook');
    expect(f?.message).toContain('every request it guards is rejected');
    expect(f?.remediation).toContain('GODEBUG=x509sha1=1');
    expect(f?.evidence[0]).toMatchObject({
      path: 'webhooks[check.example.com].clientConfig.caBundle',
      value: 'sha1WithRSAEncryption',
    });
  });

  it('is more sure when the bundle holds a certificate the CA issued with SHA-1', () => {
    const s = snapshot({
      kept: { mutatingwebhookconfigurations: [webhookConfig('inject', b64(SHA256_CA, SHA1_LEAF))] },
    });
    expect(rule.run(s, ruleContext({ target: '1.25' }))[0]).toMatchObject({
      confidence: 'likely',
      severity: 'breaking',
    });
  });

  it('covers APIServices and CRD conversion webhooks', () => {
    const s = snapshot({
      kept: {
        apiservices: [apiService('v1beta1.custom.metrics.k8s.io', b64(SHA1_CA))],
        customresourcedefinitions: [crd('widgets.example.com', b64(SHA1_CA))],
      },
    });
    const findings = rule.run(s, ruleContext({ target: '1.25' }));
    expect(findings.map((f) => f.object.kind).sort()).toEqual(['APIService', 'CustomResourceDefinition']);
    expect(findings.find((f) => f.object.kind === 'APIService')?.message).toContain('aggregated API');
  });

  it('says nothing about SHA-256 bundles, skipped TLS verification and CRDs without a conversion webhook', () => {
    const s = snapshot({
      kept: {
        validatingwebhookconfigurations: [webhookConfig('modern', b64(SHA256_CA))],
        apiservices: [apiService('v1beta1.insecure.example.com', b64(SHA1_CA), true)],
        customresourcedefinitions: [crd('plain.example.com', b64(SHA1_CA), 'None')],
      },
    });
    expect(rule.run(s, ruleContext({ target: '1.25' }))).toEqual([]);
  });

  it('declares what it reads, so a forbidden read makes it blind', () => {
    expect(rule.needs).toContain('apiservices');
    expect(withForbidden(snapshot(), 'apiservices').coverage.find((c) => c.resource === 'apiservices')?.status).toBe(
      'forbidden',
    );
  });
});
