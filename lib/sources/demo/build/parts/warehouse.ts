/** The warehouse namespace: clean workloads under Pod Security Admission, an RC and a Job. */
import { container, controller, nonRoot, template } from './k8s';
import type { Obj } from './k8s';

/** The warehouse namespace. */
export function warehouse(): Obj[] {
  const inventory = controller(
    'apps/v1',
    'Deployment',
    'inventory',
    'warehouse',
    template(
      { app: 'inventory' },
      {
        containers: [
          container('inventory', 'registry.northwind.example/inventory:5.0.3', {
            readinessProbe: { grpc: { port: 9000 } },
            securityContext: { ...nonRoot, seccompProfile: { type: 'RuntimeDefault' } },
          }),
        ],
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      },
    ),
    { replicas: 2 },
  );
  const printer = controller(
    'v1',
    'ReplicationController',
    'label-printer',
    'warehouse',
    template(
      { app: 'label-printer' },
      { containers: [container('printer', 'k8s.gcr.io/echoserver:1.10', { securityContext: nonRoot })] },
    ),
    { replicas: 1 },
  );
  const importer = controller(
    'batch/v1',
    'Job',
    'stock-import-28471200',
    'warehouse',
    {
      ...template(
        { app: 'stock-import' },
        {
          containers: [
            container('import', 'registry.northwind.example/stock-import:2.1.0', { securityContext: nonRoot }),
          ],
          priorityClassName: 'batch-low',
        },
      ),
    },
    { extraSpec: { backoffLimit: 2, completions: 1, suspend: false } },
  );
  const importerSpec = importer.spec as Obj;
  delete importerSpec.selector;
  ((importerSpec.template as Obj).spec as Obj).restartPolicy = 'Never';
  return [inventory, printer, importer];
}
