import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { KubeObject } from '../../resources/kube-object.js';

/** The object as `kubectl get -o yaml` prints it, without managedFields unless asked for. */
export function yamlText(object: KubeObject, managedFields = false): Promise<string> {
  const copy = structuredClone(object);
  if (copy.metadata && !managedFields) delete copy.metadata['managedFields'];
  return toKubectlYaml(copy);
}
