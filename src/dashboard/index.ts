/** The live dashboard (Ink): reached only through a dynamic import, never on the start-up path. */
export { runDashboard } from './run-dashboard.js';
export type { DashboardOptions } from './run-dashboard.js';
