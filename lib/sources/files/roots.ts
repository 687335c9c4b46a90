import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const KUSTOMIZATIONS = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Widens files to what they belong to: a file inside a Helm chart stands for the whole (outermost) chart, a file
 * in a kustomization's directory for that kustomization, since neither means anything alone. So a pull-request
 * check can name only the changed files. Directories and files outside both are kept; nothing above `base` is
 * looked at.
 */
export function widenToRoots(paths: readonly string[], base: string): string[] {
  const root = path.resolve(base);
  return [
    ...new Set(
      paths.map((p) => {
        const absolute = path.resolve(root, p);
        if (!existsSync(absolute) || statSync(absolute).isDirectory()) return p;
        let chart: string | undefined;
        let kustomization: string | undefined;
        for (let dir = path.dirname(absolute); dir.startsWith(root); dir = path.dirname(dir)) {
          if (existsSync(path.join(dir, 'Chart.yaml'))) chart = dir;
          if (!kustomization && KUSTOMIZATIONS.some((k) => existsSync(path.join(dir, k)))) kustomization = dir;
          if (dir === root) break;
        }
        const widened = chart ?? kustomization;
        return widened === undefined ? p : path.relative(root, widened) || '.';
      }),
    ),
  ];
}
