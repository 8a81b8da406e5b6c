/** One key binding, as the help overlay lists it. */
export interface KeyHelp {
  keys: string;
  action: string;
  /** Changes the cluster: disabled by --readonly. */
  mutating?: boolean;
}

/** Every key of the dashboard, by screen. The help overlay (`?`) prints exactly this. */
export const KEYMAP: Array<{ section: string; keys: KeyHelp[] }> = [
  {
    section: 'Global',
    keys: [
      { keys: ':', action: 'command: :pods :deploy :<crd> [ns|all]  :ns [name]  :ctx [name]  :q' },
      { keys: '/', action: 'filter: text or regex, !inverse, -l label selector' },
      { keys: '?', action: 'this help' },
      { keys: 'esc', action: 'clear filter / back' },
      { keys: 'q  ctrl-c', action: 'quit' },
      { keys: '0', action: 'all namespaces' },
      { keys: '1-9', action: 'favourite namespace' },
    ],
  },
  {
    section: 'Table',
    keys: [
      { keys: '↑ ↓  j k', action: 'move' },
      { keys: 'pgup pgdn  g G', action: 'page / top / bottom' },
      { keys: 'enter', action: 'drill down (workload/service/node → pods, namespace → use)' },
      { keys: 'd', action: 'describe' },
      { keys: 'y', action: 'YAML' },
      { keys: 'l', action: 'logs (pods)' },
      { keys: 'N A S', action: 'sort by name / age / status (again: reverse)' },
      { keys: '< >', action: 'sort by previous / next column' },
      { keys: 'w', action: 'wide columns' },
      { keys: 'ctrl-d', action: 'delete (asks first)', mutating: true },
      { keys: 's', action: 'scale', mutating: true },
      { keys: 'r', action: 'rollout restart', mutating: true },
    ],
  },
  {
    section: 'Text and logs',
    keys: [
      { keys: '↑ ↓ pgup pgdn g G', action: 'scroll' },
      { keys: 'f', action: 'logs: follow on/off' },
      { keys: 'c', action: 'logs: next container' },
    ],
  },
];
