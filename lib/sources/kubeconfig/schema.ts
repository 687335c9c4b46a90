import { z } from 'zod';

/**
 * The wire shape of a kubeconfig (clientcmd v1 `Config`), validated leniently like kubectl does: lists may be absent,
 * unknown keys are kept so the sanitizer can see (and refuse) fields it does not know.
 */

const optionalString = z.string().optional();

const execEnvSchema = z.looseObject({ name: z.string(), value: z.string() });

const execSchema = z.looseObject({
  apiVersion: optionalString,
  command: z.string(),
  args: z.array(z.string()).nullish(),
  env: z.array(execEnvSchema).nullish(),
  installHint: optionalString,
  provideClusterInfo: z.boolean().optional(),
  interactiveMode: optionalString,
});

const authProviderSchema = z.looseObject({
  name: z.string(),
  config: z.record(z.string(), z.string()).nullish(),
});

const clusterSchema = z.looseObject({
  server: z.string().min(1, 'the API server URL is missing'),
  'certificate-authority': optionalString,
  'certificate-authority-data': optionalString,
  'insecure-skip-tls-verify': z.boolean().optional(),
  'tls-server-name': optionalString,
  'proxy-url': optionalString,
  'disable-compression': z.boolean().optional(),
});

const userSchema = z.looseObject({
  token: optionalString,
  tokenFile: optionalString,
  'client-certificate': optionalString,
  'client-certificate-data': optionalString,
  'client-key': optionalString,
  'client-key-data': optionalString,
  username: optionalString,
  password: optionalString,
  as: optionalString,
  'as-uid': optionalString,
  'as-groups': z.array(z.string()).nullish(),
  'as-user-extra': z.record(z.string(), z.array(z.string())).nullish(),
  exec: execSchema.nullish(),
  'auth-provider': authProviderSchema.nullish(),
});

const contextSchema = z.looseObject({
  cluster: z.string().min(1, 'the context names no cluster'),
  user: z.string().default(''),
  namespace: optionalString,
});

const entryName = z.string().min(1, 'the entry has no name');

/** A whole kubeconfig file as parsed from YAML or JSON. */
export const rawKubeconfigSchema = z.looseObject({
  apiVersion: optionalString,
  kind: optionalString,
  clusters: z.array(z.looseObject({ name: entryName, cluster: clusterSchema })).nullish(),
  users: z.array(z.looseObject({ name: entryName, user: userSchema.nullish() })).nullish(),
  contexts: z.array(z.looseObject({ name: entryName, context: contextSchema })).nullish(),
  'current-context': optionalString,
});

export type RawKubeconfig = z.output<typeof rawKubeconfigSchema>;
export type RawCluster = z.output<typeof clusterSchema>;
export type RawUser = z.output<typeof userSchema>;
export type RawContext = z.output<typeof contextSchema>;
export type RawExec = z.output<typeof execSchema>;
export type RawAuthProvider = z.output<typeof authProviderSchema>;
