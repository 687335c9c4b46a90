import { describe, expect, it } from 'vitest';
import { guardRequest, hostAllowed, type GuardInput } from './request-guard';

const allowed = ['localhost', '127.0.0.1', '[::1]'];
const base: GuardInput = {
  method: 'POST',
  host: 'localhost:3000',
  origin: 'http://localhost:3000',
  secFetchSite: 'same-origin',
  contentType: 'application/json',
  hasBody: true,
};

describe('hostAllowed', () => {
  it('matches names with or without a port, and IPv6 literals', () => {
    expect(hostAllowed('localhost:3000', allowed)).toBe(true);
    expect(hostAllowed('127.0.0.1', allowed)).toBe(true);
    expect(hostAllowed('[::1]:3000', allowed)).toBe(true);
    expect(hostAllowed('attacker.example:3000', allowed)).toBe(false);
    expect(hostAllowed('localhost.attacker.example', allowed)).toBe(false);
    expect(hostAllowed(null, allowed)).toBe(false);
    expect(hostAllowed('anything', ['*'])).toBe(true);
    expect(hostAllowed('lens.example.com:8443', ['lens.example.com:8443'])).toBe(true);
    expect(hostAllowed('lens.example.com:9999', ['lens.example.com:8443'])).toBe(false);
  });
});

describe('guardRequest', () => {
  it('lets same-origin JSON and multipart writes, and non-browser clients, through', () => {
    expect(guardRequest(base, allowed)).toBeUndefined();
    expect(guardRequest({ ...base, contentType: 'multipart/form-data; boundary=x' }, allowed)).toBeUndefined();
    expect(guardRequest({ ...base, origin: null, secFetchSite: null }, allowed)).toBeUndefined();
    expect(guardRequest({ ...base, method: 'DELETE', contentType: null, hasBody: false }, allowed)).toBeUndefined();
  });

  it('refuses a foreign Host before anything else (DNS rebinding), for reads too', () => {
    expect(guardRequest({ ...base, method: 'GET', host: 'rebind.attacker.example' }, allowed)?.status).toBe(421);
  });

  it('refuses cross-site writes by Origin or Sec-Fetch-Site', () => {
    expect(guardRequest({ ...base, origin: 'https://attacker.example' }, allowed)?.status).toBe(403);
    expect(guardRequest({ ...base, origin: 'null' }, allowed)?.status).toBe(403);
    expect(guardRequest({ ...base, secFetchSite: 'cross-site' }, allowed)?.status).toBe(403);
    expect(guardRequest({ ...base, secFetchSite: 'same-site', origin: null }, allowed)?.status).toBe(403);
  });

  it('refuses bodies a cross-site form could send', () => {
    expect(guardRequest({ ...base, contentType: 'text/plain' }, allowed)?.status).toBe(415);
    expect(guardRequest({ ...base, contentType: 'application/x-www-form-urlencoded' }, allowed)?.status).toBe(415);
    expect(guardRequest({ ...base, contentType: null }, allowed)?.status).toBe(415);
  });

  it('lets reads from anywhere through when the host is right', () => {
    expect(
      guardRequest({ ...base, method: 'GET', origin: 'https://x.example', secFetchSite: 'cross-site' }, allowed),
    ).toBeUndefined();
  });
});
