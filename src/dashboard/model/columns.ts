import type { DashColumn } from './types.js';

/** The columns used when the server sends objects instead of a Table. */
export const FALLBACK_COLUMNS: DashColumn[] = [
  { name: 'Name', type: 'string', format: 'name', priority: 0 },
  { name: 'Age', type: 'string', format: '', priority: 0 },
];

/** The NAMESPACE column the dashboard adds when listing across all namespaces. */
export const NAMESPACE_COLUMN: DashColumn = {
  name: 'Namespace',
  type: 'string',
  format: '',
  priority: 0,
};

/** Table columnDefinitions (as the server sends them) as dashboard columns. */
export function columnsFromDefinitions(definitions: unknown[]): DashColumn[] {
  return definitions.map((value) => {
    const def = value as { name?: string; type?: string; format?: string; priority?: number };
    return {
      name: def.name ?? '',
      type: def.type ?? 'string',
      format: def.format ?? '',
      priority: def.priority ?? 0,
    };
  });
}

/** A Table cell as text, kubectl's way: absent values print as <none>. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '<none>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Whether a column is the AGE column, whose cells the dashboard keeps current itself. */
export function isAgeColumn(column: DashColumn): boolean {
  return column.name.toLowerCase() === 'age';
}

/** Index of a column by (case-insensitive) name, or -1. */
export function columnIndex(columns: readonly DashColumn[], name: string): number {
  const lower = name.toLowerCase();
  return columns.findIndex((c) => c.name.toLowerCase() === lower);
}
