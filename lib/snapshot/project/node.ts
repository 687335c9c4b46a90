import type { Node, Taint } from '../../model/snapshot';
import { keepAnyLabel } from './keep';
import { projectMeta } from './meta';
import { isRecord, opt, rec, recs, str, text } from './read';
import type { Raw } from './read';

function configSource(spec: Raw | undefined): Node['configSource'] {
  const cs = rec(spec, 'configSource');
  if (!cs) return undefined;
  const cm = rec(cs, 'configMap');
  const namespace = str(cm, 'namespace');
  const name = str(cm, 'name');
  if (!cm || namespace === undefined || name === undefined) return {};
  return { configMap: { namespace, name, ...opt('kubeletConfigKey', text(cm, 'kubeletConfigKey')) } };
}

/** Projects a raw Node (all labels kept: roles and topology matter); undefined without a name. */
export function projectNode(raw: unknown): Node | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw, keepAnyLabel);
  if (!metadata) return undefined;
  const spec = rec(raw, 'spec');
  const info = rec(rec(raw, 'status'), 'nodeInfo');
  const taints: Taint[] = recs(spec, 'taints').flatMap((t) => {
    const key = str(t, 'key');
    const effect = str(t, 'effect');
    return key === undefined || effect === undefined ? [] : [{ key, ...opt('value', text(t, 'value')), effect }];
  });
  return {
    metadata,
    ...opt('providerID', text(spec, 'providerID')),
    taints,
    ...opt('configSource', configSource(spec)),
    kubeletVersion: str(info, 'kubeletVersion') ?? '',
    ...opt('kubeProxyVersion', text(info, 'kubeProxyVersion')),
    containerRuntimeVersion: str(info, 'containerRuntimeVersion') ?? '',
    ...opt('osImage', text(info, 'osImage')),
    ...opt('kernelVersion', text(info, 'kernelVersion')),
    ...opt('operatingSystem', text(info, 'operatingSystem')),
    ...opt('architecture', text(info, 'architecture')),
  };
}
