/** `kubectl create configmap`: data from literals, files, directories and env files. */
import type { SourceReader } from './data-sources.js';
import {
  addEnvFileSources,
  addFileSources,
  addLiteralSources,
  isValidUtf8,
} from './data-sources.js';
import { configMapHash } from './hash.js';
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta, sortedMap } from './object.js';
import { configMapKeyErrors } from './validation.js';

/** Validated flags of `create configmap`. */
export interface ConfigMapParams {
  name: string;
  namespace?: string;
  fromFile?: readonly string[];
  fromLiteral?: readonly string[];
  fromEnvFile?: readonly string[];
  appendHash?: boolean;
}

/** Checks that the sources can be combined (ConfigMapOptions.Validate). */
export function validateConfigMapSources(params: ConfigMapParams): void {
  const envFiles = params.fromEnvFile?.length ?? 0;
  if (envFiles > 0 && ((params.fromFile?.length ?? 0) > 0 || (params.fromLiteral?.length ?? 0) > 0))
    throw new Error('from-env-file cannot be combined with from-file or from-literal');
}

/** Builds the ConfigMap: UTF-8 content in data, other bytes in binaryData. */
export function generateConfigMap(params: ConfigMapParams, reader: SourceReader): KubeObject {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const check = (key: string): void => {
    const errors = configMapKeyErrors(key);
    if (errors.length > 0)
      throw new Error(
        `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errors.join(',')}`,
      );
    if (key in data)
      throw new Error(
        `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(params.name)}`,
      );
    if (key in binaryData)
      throw new Error(
        `cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(params.name)}`,
      );
  };
  const addText = (key: string, bytes: Buffer): void => {
    check(key);
    data[key] = bytes.toString('utf8');
  };
  const addFile = (key: string, bytes: Buffer): void => {
    if (isValidUtf8(bytes)) return addText(key, bytes);
    check(key);
    binaryData[key] = bytes.toString('base64');
  };
  addFileSources(params.fromFile ?? [], reader, addFile);
  addLiteralSources(params.fromLiteral ?? [], addText);
  addEnvFileSources(
    params.fromEnvFile ?? [],
    reader,
    addText,
    'env config file cannot be a directory',
  );
  const configMap: KubeObject = compact({
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    data: sortedMap(data),
    binaryData: sortedMap(binaryData),
  });
  if (params.appendHash) {
    const hash = configMapHash({ ...configMap, data: sortedMap(data) ?? {} });
    configMap['metadata'] = objectMeta({
      name: `${params.name}-${hash}`,
      namespace: params.namespace,
    });
  }
  return configMap;
}
