import { MultipleErrors, PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { startingKubeConfig } from './starting-config.js';

/** `config current-context`. */
export async function runCurrentContext(factory: Factory): Promise<void> {
  const config = await startingKubeConfig(factory);
  if (!config.currentContext) throw new PlainError('current-context is not set');
  factory.streams.out.write(`${config.currentContext}\n`);
}

/** Lays out rows as kubectl's tabwriter does (cells padded by three to at least six, last cell bare). */
export function tabulate(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell.padEnd(Math.max((widths[i] ?? 0) + 3, 6)),
        )
        .join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `config get-contexts [NAME...]`: a table with a CURRENT marker, or names with -o name. */
export async function runGetContexts(
  factory: Factory,
  names: string[],
  opts: Record<string, unknown>,
): Promise<void> {
  const output = typeof opts['output'] === 'string' ? opts['output'] : '';
  if (output !== '' && output !== 'name')
    throw new PlainError(
      `--output ${output} is not available in ktl config get-contexts; resetting to default output format`,
    );
  const config = await startingKubeConfig(factory);
  const all = [...config.contexts.keys()].sort();
  const selected = names.length === 0 ? all : names.filter((n) => config.contexts.has(n));
  const missing = names.filter((n) => !config.contexts.has(n));
  if (output === 'name') {
    factory.streams.out.write(selected.map((n) => `${n}\n`).join(''));
  } else {
    const rows =
      opts['headers'] === false ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    for (const name of selected) {
      const value = config.contexts.get(name)?.value ?? {};
      const marker = name === config.currentContext ? '*' : '';
      rows.push([marker, name, value.cluster ?? '', value.user ?? '', value.namespace ?? '']);
    }
    factory.streams.out.write(tabulate(rows));
  }
  if (missing.length > 0)
    throw new MultipleErrors(missing.map((n) => new PlainError(`context ${n} not found`)));
}

/** `config get-clusters`. */
export async function runGetClusters(factory: Factory): Promise<void> {
  const config = await startingKubeConfig(factory);
  const names = [...config.clusters.keys()].sort();
  factory.streams.out.write(['NAME', ...names].map((n) => `${n}\n`).join(''));
}

/** `config get-users`. */
export async function runGetUsers(factory: Factory): Promise<void> {
  const config = await startingKubeConfig(factory);
  const names = [...config.users.keys()].sort();
  factory.streams.out.write(['NAME', ...names].map((n) => `${n}\n`).join(''));
}
