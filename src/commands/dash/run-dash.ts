import type { Factory } from '../../runtime/factory.js';
import { loadDashboard } from '../../dashboard/load-dashboard.js';

/** Options of `ktl dash`. */
export interface DashFlags {
  type: string | undefined;
  allNamespaces: boolean;
  readonly: boolean;
}

/** Loads the dashboard (Ink and React come in only here) and runs it. */
export async function runDash(factory: Factory, flags: DashFlags): Promise<void> {
  const { runDashboard } = await loadDashboard(factory.streams.out.isTTY === true);
  await runDashboard(factory, {
    ...(flags.type ? { type: flags.type } : {}),
    allNamespaces: flags.allNamespaces,
    readonly: flags.readonly,
  });
}
