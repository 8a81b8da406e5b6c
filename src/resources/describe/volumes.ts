/** kubectl's describeVolumes for the common volume sources. */
import type { PrefixWriter } from './prefix-writer.js';
import type { Obj } from './fields.js';
import { arr, num, obj, str } from './fields.js';

function source(w: PrefixWriter, volume: Obj): void {
  if (volume['hostPath']) {
    const v = obj(volume, 'hostPath');
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(v, 'path')}\n    HostPathType:\t${str(v, 'type') || '<none>'}\n`,
    );
  } else if (volume['emptyDir']) {
    const v = obj(volume, 'emptyDir');
    const limit =
      v['sizeLimit'] !== undefined && String(v['sizeLimit']) !== '0'
        ? String(v['sizeLimit'])
        : '<unset>';
    w.write(
      2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(v, 'medium')}\n    SizeLimit:\t${limit}\n`,
    );
  } else if (volume['secret']) {
    const v = obj(volume, 'secret');
    w.write(
      2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(v, 'secretName')}\n    Optional:\t${v['optional'] === true}\n`,
    );
  } else if (volume['configMap']) {
    const v = obj(volume, 'configMap');
    w.write(
      2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(v, 'name')}\n    Optional:\t${v['optional'] === true}\n`,
    );
  } else if (volume['persistentVolumeClaim']) {
    const v = obj(volume, 'persistentVolumeClaim');
    w.write(
      2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(v, 'claimName')}\n    ReadOnly:\t${v['readOnly'] === true}\n`,
    );
  } else if (volume['projected']) projected(w, obj(volume, 'projected'));
  else if (volume['downwardAPI']) {
    w.write(
      2,
      'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n',
    );
    for (const item of arr(obj(volume, 'downwardAPI'), 'items')) {
      if (item['fieldRef'])
        w.write(3, `${str(obj(item, 'fieldRef'), 'fieldPath')} -> ${str(item, 'path')}\n`);
      if (item['resourceFieldRef'])
        w.write(3, `${str(obj(item, 'resourceFieldRef'), 'resource')} -> ${str(item, 'path')}\n`);
    }
  } else w.write(1, '<unknown>\n');
}

function projected(w: PrefixWriter, v: Obj): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of arr(v, 'sources')) {
    if (s['secret'])
      w.write(
        2,
        `SecretName:\t${str(obj(s, 'secret'), 'name')}\n    SecretOptionalName:\t${obj(s, 'secret')['optional'] === true}\n`,
      );
    else if (s['downwardAPI']) w.write(2, 'DownwardAPI:\ttrue\n');
    else if (s['configMap'])
      w.write(
        2,
        `ConfigMapName:\t${str(obj(s, 'configMap'), 'name')}\n    Optional:\t${obj(s, 'configMap')['optional'] === true}\n`,
      );
    else if (s['serviceAccountToken'])
      w.write(
        2,
        `TokenExpirationSeconds:\t${num(obj(s, 'serviceAccountToken'), 'expirationSeconds')}\n`,
      );
  }
}

/** describeVolumes. */
export function describeVolumes(w: PrefixWriter, volumes: Obj[], space: string): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(1, `${space ? ' ' : ''}${str(volume, 'name')}:\n`);
    source(w, volume);
  }
}
