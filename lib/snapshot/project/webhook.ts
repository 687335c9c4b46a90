import type { WebhookConfiguration } from '../../model/snapshot';
import { isRecord, rec, recs, str, text } from './read';

type WebhookKind = WebhookConfiguration['kind'];

/**
 * Projects a raw Validating/MutatingWebhookConfiguration to its name and webhook names. `kind` is the fallback
 * for list items that omit their type; undefined without a name.
 */
export function projectWebhookConfiguration(raw: unknown, kind: WebhookKind): WebhookConfiguration | undefined {
  if (!isRecord(raw)) return undefined;
  const name = text(rec(raw, 'metadata'), 'name');
  if (name === undefined) return undefined;
  const itemKind = str(raw, 'kind');
  return {
    kind:
      itemKind === 'ValidatingWebhookConfiguration' || itemKind === 'MutatingWebhookConfiguration' ? itemKind : kind,
    name,
    webhookNames: recs(raw, 'webhooks').flatMap((w) => text(w, 'name') ?? []),
  };
}
