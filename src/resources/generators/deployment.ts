/** `kubectl create deployment`: one container per --image, labels app=<name>. */
import { randomInt } from 'node:crypto';
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';

/** Flags of `create deployment`. */
export interface DeploymentParams {
  name: string;
  namespace?: string;
  images: readonly string[];
  replicas: number;
  /** containerPort of the first container; negative for none. */
  port: number;
  command?: readonly string[];
}

const RANDOM_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** utilrand.String: n characters from kubectl's unambiguous alphabet. */
export function randomSuffix(length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)];
  return out;
}

/** Container name for an image: last path segment without tag or digest; `_`/`.` → `-` plus a random suffix. */
export function containerNameForImage(image: string, random: () => string = randomSuffix): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${random()}`;
  return name;
}

/** Validate: several images cannot share a command. */
export function validateDeployment(params: DeploymentParams): void {
  if (params.images.length > 1 && (params.command?.length ?? 0) > 0)
    throw new Error('cannot specify multiple --image options and command');
}

/** Builds the apps/v1 Deployment. */
export function generateDeployment(params: DeploymentParams, random?: () => string): KubeObject {
  const labels = { app: params.name };
  const command = params.command && params.command.length > 0 ? [...params.command] : undefined;
  const containers = params.images.map((image) =>
    compact({ name: containerNameForImage(image, random), image, command, resources: {} }),
  );
  const first = containers[0];
  if (params.port >= 0 && first) {
    const { name, image, command: cmd } = first;
    containers[0] = compact({
      name,
      image,
      command: cmd,
      ports: [{ containerPort: params.port }],
      resources: {},
    });
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace, labels }),
    spec: {
      replicas: params.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}
