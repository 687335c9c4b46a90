import type { Container } from '../../model/snapshot';

/** 'init container "setup"', 'ephemeral container "debugger"' or 'container "app"', for messages. */
export function containerLabel(c: Container): string {
  const role = c.role === 'init' ? 'init container' : c.role === 'ephemeral' ? 'ephemeral container' : 'container';
  return `${role} "${c.name}"`;
}
