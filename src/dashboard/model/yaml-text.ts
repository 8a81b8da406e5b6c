import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { KubeObject } from '../../resources/kube-object.js';

/** The object as `kubectl get -o yaml` prints it, without managedFields. */
export function yamlText(object: KubeObject): Promise<string> {
  const copy = structuredClone(object);
  if (copy.metadata) delete copy.metadata['managedFields'];
  return toKubectlYaml(copy);
}
