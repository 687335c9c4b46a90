import type { Text } from '@/lib/model/text';
import { isIdentity } from '@/lib/model/text';

/**
 * A sentence of a report: literal parts as they are, slots as text marked with their kind, so names read as
 * names. Everything renders as text, never as HTML.
 */
export function TextView({ text }: { text: Text | undefined }) {
  if (text === undefined) return null;
  return (
    <>
      {text.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <span
            key={i}
            data-slot={part.kind}
            className={isIdentity(part) ? 'font-mono text-[0.95em] break-all' : 'break-all'}
          >
            {part.value}
          </span>
        ),
      )}
    </>
  );
}
