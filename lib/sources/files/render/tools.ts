import type { Env } from '../../../env';
import type { RenderTools } from '../repository';
import { findExecutable } from './exec';

const wanted = (setting: string) => (setting === 'off' ? undefined : setting);

/**
 * The renderers this machine has, as the settings name them: helm for charts; kubectl's built-in kustomize, or a
 * standalone kustomize, for kustomizations. A missing one is simply absent: the reader then reads text only and
 * says so in the report.
 */
export async function findRenderTools(
  settings: Pick<Env, 'RELEASE_LENS_HELM' | 'RELEASE_LENS_KUBECTL' | 'RELEASE_LENS_KUSTOMIZE'>,
): Promise<RenderTools> {
  const helmName = wanted(settings.RELEASE_LENS_HELM);
  const kubectlName = wanted(settings.RELEASE_LENS_KUBECTL);
  const kustomizeName = wanted(settings.RELEASE_LENS_KUSTOMIZE);
  const helm = helmName ? await findExecutable(helmName) : undefined;
  const kubectl = kubectlName ? await findExecutable(kubectlName) : undefined;
  const kustomize = !kubectl && kustomizeName ? await findExecutable(kustomizeName) : undefined;
  return {
    ...(helm ? { helm } : {}),
    ...(kubectl
      ? { kustomize: { command: kubectl, args: ['kustomize'] } }
      : kustomize
        ? { kustomize: { command: kustomize, args: ['build'] } }
        : {}),
  };
}
