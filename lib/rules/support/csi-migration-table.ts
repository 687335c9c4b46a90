import type { ClusterProfile } from './check';
import type { Target } from '../../model/releases';
import { fixed, t, type Text } from '../../model/text';

/** Migration state of a plugin in a release: off by default, on by default (can be disabled), or locked on. */
export type MigrationState = 'off' | 'on' | 'locked';

/** An in-tree plugin whose operations CSI migration hands to a CSI driver. */
export interface MigrationPlugin {
  field: string;
  provisioner: string;
  driver: string;
  name: string;
  changeId: string;
  gate: string;
  state: Record<Target, MigrationState>;
  /** Where to get the driver on a self-managed cluster. */
  project: string;
}

/** Defaults from the feature-gate tables of 1.24 and 1.25 (release-facts.yaml). */
export const MIGRATION_PLUGINS: readonly MigrationPlugin[] = [
  {
    field: 'azureDisk',
    provisioner: 'kubernetes.io/azure-disk',
    driver: 'disk.csi.azure.com',
    name: 'Azure Disk',
    changeId: 'csi-migration-azuredisk-ga',
    gate: 'CSIMigrationAzureDisk',
    state: { '1.24': 'on', '1.25': 'on' },
    project: 'kubernetes-sigs/azuredisk-csi-driver',
  },
  {
    field: 'cinder',
    provisioner: 'kubernetes.io/cinder',
    driver: 'cinder.csi.openstack.org',
    name: 'OpenStack Cinder',
    changeId: 'csi-migration-cinder-ga',
    gate: 'CSIMigrationOpenStack',
    state: { '1.24': 'on', '1.25': 'on' },
    project: 'kubernetes/cloud-provider-openstack (cinder-csi-plugin)',
  },
  {
    field: 'awsElasticBlockStore',
    provisioner: 'kubernetes.io/aws-ebs',
    driver: 'ebs.csi.aws.com',
    name: 'AWS EBS',
    changeId: 'csi-migration-aws-ebs-ga',
    gate: 'CSIMigrationAWS',
    state: { '1.24': 'on', '1.25': 'locked' },
    project: 'kubernetes-sigs/aws-ebs-csi-driver',
  },
  {
    field: 'gcePersistentDisk',
    provisioner: 'kubernetes.io/gce-pd',
    driver: 'pd.csi.storage.gke.io',
    name: 'GCE Persistent Disk',
    changeId: 'csi-migration-gce-pd-ga',
    gate: 'CSIMigrationGCE',
    state: { '1.24': 'on', '1.25': 'locked' },
    project: 'kubernetes-sigs/gcp-compute-persistent-disk-csi-driver',
  },
  {
    field: 'azureFile',
    provisioner: 'kubernetes.io/azure-file',
    driver: 'file.csi.azure.com',
    name: 'Azure File',
    changeId: 'csi-migration-azurefile-beta',
    gate: 'CSIMigrationAzureFile',
    state: { '1.24': 'on', '1.25': 'on' },
    project: 'kubernetes-sigs/azurefile-csi-driver',
  },
  {
    field: 'vsphereVolume',
    provisioner: 'kubernetes.io/vsphere-volume',
    driver: 'csi.vsphere.vmware.com',
    name: 'vSphere',
    changeId: 'csi-migration-vsphere-beta',
    gate: 'CSIMigrationvSphere',
    state: { '1.24': 'off', '1.25': 'on' },
    project: 'kubernetes-sigs/vsphere-csi-driver (needs vSphere 7.0u2 or later)',
  },
  {
    field: 'portworxVolume',
    provisioner: 'kubernetes.io/portworx-volume',
    driver: 'pxd.portworx.com',
    name: 'Portworx',
    changeId: 'csi-migration-portworx-beta',
    gate: 'CSIMigrationPortworx',
    state: { '1.24': 'off', '1.25': 'off' },
    project: 'the Portworx operator (Portworx CSI)',
  },
];

/** How to install the driver, for the provider the cluster runs on. */
export function installAdvice(p: MigrationPlugin, profile: ClusterProfile, target: Target): Text {
  const managed = profile.provider === 'eks' || profile.provider === 'gke' || profile.provider === 'aks';
  if (profile.provider === 'eks' && p.field === 'awsElasticBlockStore') {
    return t`On EKS, 1.23 and later need the Amazon EBS CSI driver add-on: create an IAM role for its service account, then \`aws eks create-addon --cluster-name <cluster> --addon-name aws-ebs-csi-driver --service-account-role-arn <role-arn>\`.`;
  }
  if (profile.provider === 'gke' && p.field === 'gcePersistentDisk') {
    return t`On GKE, enable the Compute Engine persistent disk CSI driver: \`gcloud container clusters update <cluster> --update-addons=GcePersistentDiskCsiDriver=ENABLED\`.`;
  }
  if (profile.provider === 'aks' && (p.field === 'azureDisk' || p.field === 'azureFile')) {
    return t`AKS ships the Azure Disk and Azure File CSI drivers from 1.21 on; if they are missing, run \`az aks update --name <cluster> --resource-group <group> --enable-disk-driver --enable-file-driver\`.`;
  }
  const locked = p.state['1.25'] === 'locked' ? ' (not in 1.25, where the gate is locked on)' : '';
  const stopGap =
    managed || p.state[target] === 'locked'
      ? []
      : t` If you cannot before the upgrade, setting ${fixed(p.gate)}=false on kube-controller-manager and every kubelet keeps the in-tree path for now${locked}.`;
  return t`Install the ${fixed(p.name)} CSI driver (${fixed(p.project)}) with its controller and node plugins and the cloud credentials the in-tree plugin used, and check that a CSIDriver named ${fixed(p.driver)} exists.${stopGap}`;
}
