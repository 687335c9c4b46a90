import { describe, expect, it } from 'vitest';
import { count, fixed, isIdentity, join, list, renderText, slot, slotsOf, t, type Text } from './text';

const pod = slot('name', 'web-1');
const namespace = slot('namespace', 'shop');

describe('Text', () => {
  it('keeps literal parts and slots apart, merging adjacent literals', () => {
    const text = t`Pod ${namespace}/${pod} runs ${3} containers${t` and ${'a'} sidecar`}.`;
    expect(text).toEqual(['Pod ', namespace, '/', pod, ' runs 3 containers and a sidecar.']);
    expect(renderText(text)).toBe('Pod shop/web-1 runs 3 containers and a sidecar.');
    expect(renderText(text, (s) => `<${s.kind}>`)).toBe('Pod <namespace>/<name> runs 3 containers and a sidecar.');
    expect(slotsOf(text)).toEqual([namespace, pod]);
  });

  it('lists and joins texts', () => {
    const names = ['a', 'b', 'c', 'd'].map((n) => slot('name', n));
    expect(renderText(list(names.slice(0, 1)))).toBe('a');
    expect(renderText(list(names.slice(0, 2)))).toBe('a and b');
    expect(renderText(list(names, 3))).toBe('a, b, c and 1 more');
    expect(renderText(join(names, '; '))).toBe('a; b; c; d');
    expect(count(1, 'pod')).toBe('1 pod');
    expect(count(2, 'pod')).toBe('2 pods');
  });

  it('tells identities from facts', () => {
    expect(isIdentity(pod)).toBe(true);
    expect(isIdentity(slot('version', 'v1.24.3'))).toBe(false);
    expect(fixed('Azure Disk')).toEqual(['Azure Disk']);
  });

  it('refuses a plain string variable at compile time', () => {
    const name: string = 'payments';
    // @ts-expect-error a string variable could carry a name into free text: it must be a slot
    const leaky: Text = t`Namespace ${name}`;
    expect(leaky).toEqual(['Namespace payments']);
  });
});
