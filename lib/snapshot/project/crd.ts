import type { CustomResourceDefinition } from '../../model/snapshot';
import { bool, isRecord, opt, rec, recs, str, strs, text } from './read';

type CrdVersion = CustomResourceDefinition['versions'][number];

/**
 * Projects a raw CustomResourceDefinition (apiextensions v1, or v1beta1 with its single `spec.version`);
 * undefined without a name.
 */
export function projectCustomResourceDefinition(raw: unknown): CustomResourceDefinition | undefined {
  if (!isRecord(raw)) return undefined;
  const name = text(rec(raw, 'metadata'), 'name');
  const spec = rec(raw, 'spec');
  if (name === undefined || !spec) return undefined;
  const versions: CrdVersion[] = recs(spec, 'versions').flatMap((v) => {
    const versionName = text(v, 'name');
    if (versionName === undefined) return [];
    return [
      {
        name: versionName,
        served: bool(v, 'served') ?? false,
        storage: bool(v, 'storage') ?? false,
        ...opt('deprecated', bool(v, 'deprecated')),
      },
    ];
  });
  const legacy = text(spec, 'version');
  if (versions.length === 0 && legacy !== undefined) versions.push({ name: legacy, served: true, storage: true });
  return {
    name,
    group: str(spec, 'group') ?? '',
    kind: str(rec(spec, 'names'), 'kind') ?? '',
    versions,
    storedVersions: strs(rec(raw, 'status'), 'storedVersions'),
  };
}
