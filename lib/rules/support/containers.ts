import type { Container } from '../../model/snapshot';
import { t, type Text } from '../../model/text';
import { named } from './text';

/** 'init container "setup"', 'ephemeral container "debugger"' or 'container "app"', for messages. */
export function containerLabel(c: Container): Text {
  const role = c.role === 'init' ? 'init container' : c.role === 'ephemeral' ? 'ephemeral container' : 'container';
  return t`${role} "${named(c.name)}"`;
}
