/** kubectl's describeTopologySpreadConstraints (pods and pod templates). */
import type { Obj } from './fields.js';
import { arr, num, obj, str } from './fields.js';
import type { PrefixWriter } from './prefix-writer.js';
import { selectorText } from './selectors.js';

/** Writes `Topology Spread Constraints:` sorted by topology key; nothing when there are none. */
export function describeTopologySpread(w: PrefixWriter, spec: Obj, space: string): void {
  const constraints = [...arr(spec, 'topologySpreadConstraints')].sort((a, b) =>
    str(a, 'topologyKey') < str(b, 'topologyKey')
      ? -1
      : str(a, 'topologyKey') > str(b, 'topologyKey')
        ? 1
        : 0,
  );
  if (constraints.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  constraints.forEach((c, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let text = `${str(c, 'topologyKey')}:${str(c, 'whenUnsatisfiable')} when max skew ${num(c, 'maxSkew')} is exceeded`;
    if (c['labelSelector'] !== undefined && c['labelSelector'] !== null)
      text += ` for selector ${selectorText(obj(c, 'labelSelector')) || '<none>'}`;
    w.write(0, `${text}\n`);
  });
}
