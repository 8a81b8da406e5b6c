/**
 * `ktl cluster-info dump`: kubectl's dump of nodes, then per namespace its events, replication
 * controllers, services, daemon sets, deployments, replica sets and pods, and every container's
 * logs, to stdout or as files under --output-directory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PlainError } from '../../errors/errors.js';
import { toTypedJson } from '../../printers/json-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { Factory } from '../../runtime/factory.js';
import type { ObjectPrinter } from '../../printers/object-printer.js';
import { checkPrintFlagsFormat } from '../../runtime/print-flags.js';
import { effectiveOutput, templatePrinter } from '../../runtime/template-output.js';
import { goJson } from '../../util/go-json.js';

/** The flags of `cluster-info dump`. */
export interface DumpFlags {
  namespaces?: string[];
  allNamespaces?: boolean;
  output?: string;
  outputDirectory?: string;
  template?: string;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean | string;
}

interface Pod {
  metadata?: { name?: string; namespace?: string };
  spec?: { initContainers?: Array<{ name: string }>; containers?: Array<{ name: string }> };
}

interface ObjectList {
  items?: Array<Record<string, unknown>>;
}

/** What each namespace holds, in kubectl's order: [API path below the namespace, file name]. */
const NAMESPACED: ReadonlyArray<[string, string]> = [
  ['/api/v1/namespaces/NS/events', 'events'],
  ['/api/v1/namespaces/NS/replicationcontrollers', 'replication-controllers'],
  ['/api/v1/namespaces/NS/services', 'services'],
  ['/apis/apps/v1/namespaces/NS/daemonsets', 'daemonsets'],
  ['/apis/apps/v1/namespaces/NS/deployments', 'deployments'],
  ['/apis/apps/v1/namespaces/NS/replicasets', 'replicasets'],
  ['/api/v1/namespaces/NS/pods', 'pods'],
];

/** Where the dump goes: stdout, or one file per part under a directory. */
class DumpWriter {
  private printed = 0;
  /** What the template printer wrote for the list being printed. */
  private templated = '';
  private readonly template: ObjectPrinter | undefined;
  constructor(
    private readonly factory: Factory,
    private readonly flags: DumpFlags & { output: string; given: string | undefined },
    private readonly directory: string | undefined,
  ) {
    // the typed list's JSON (field order) in a failing go-template's dump
    this.template = templatePrinter(flags, (text) => (this.templated += text), goJson);
  }

  /**
   * Writes a list as kubectl's typed list: keys in the server's order, managedFields hidden in
   * JSON and YAML unless --show-managed-fields (templates see them), files named `.json`,
   * `.yaml`, else `.txt`.
   */
  async list(list: ObjectList, file: string): Promise<void> {
    const { output } = this.flags;
    // A typed list decoded from `"items": []` holds a nil slice, which Go prints as null.
    const all = list.items ?? [];
    const items =
      this.flags.showManagedFields || this.template ? all : all.map(withoutManagedFields);
    const shown = { ...list, items: items.length > 0 ? items : null };
    if (this.template) {
      // kubectl names the files after -o as given (json when not given)
      const given = this.flags.given ?? 'json';
      const extension = given === 'json' || given === 'yaml' ? given : 'txt';
      this.templated = '';
      try {
        this.template.single(shown);
        this.template.flush();
      } finally {
        // a failing go-template wrote its debugging dump before it failed
        await this.text(this.templated, `${file}.${extension}`);
      }
      return;
    }
    const text =
      output === 'yaml'
        ? `${this.printed++ > 0 && !this.directory ? '---\n' : ''}${await toKubectlYaml(shown)}`
        : toTypedJson(shown);
    await this.text(text, `${file}.${output}`);
  }

  /** Writes text to stdout or to a file under the directory. */
  async text(text: string, file: string): Promise<void> {
    if (!this.directory) {
      this.factory.streams.out.write(text);
      return;
    }
    const path = join(this.directory, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { flag: 'a' });
  }
}

/** Runs `ktl cluster-info dump`. */
export async function runDump(factory: Factory, flags: DumpFlags): Promise<void> {
  // -o defaults to json, yet --template alone still means go-template (kubectl's PrintFlags)
  const output = effectiveOutput(flags) || 'json';
  checkPrintFlagsFormat(output);
  // the name printer refuses lists, and the first list printed is the nodes'
  if (output === 'name')
    throw new PlainError('list types are not supported by name printing: *v1.NodeList');
  const writer = new DumpWriter(
    factory,
    { ...flags, output, given: flags.output },
    flags.outputDirectory || undefined,
  );
  const client = await factory.client();
  await writer.list(await client.json<ObjectList>({ path: '/api/v1/nodes' }), 'nodes');
  for (const namespace of await namespacesToDump(factory, client, flags)) {
    const ns = encodeURIComponent(namespace);
    let pods: ObjectList = {};
    for (const [path, file] of NAMESPACED) {
      const list = await client.json<ObjectList>({ path: path.replace('NS', ns) });
      await writer.list(list, join(namespace, file));
      if (file === 'pods') pods = list;
    }
    for (const pod of (pods.items ?? []) as Pod[]) await dumpLogs(client, writer, pod);
  }
  if (flags.outputDirectory)
    factory.streams.out.write(`Cluster info dumped to ${flags.outputDirectory}\n`);
}

async function namespacesToDump(
  factory: Factory,
  client: HttpClient,
  flags: DumpFlags,
): Promise<string[]> {
  if (flags.allNamespaces) {
    const list = await client.json<{ items?: Array<{ metadata?: { name?: string } }> }>({
      path: '/api/v1/namespaces',
    });
    return (list.items ?? []).map((n) => n.metadata?.name ?? '');
  }
  const given = (flags.namespaces ?? []).flatMap((n) => n.split(',')).filter(Boolean);
  if (given.length > 0) return given;
  return ['kube-system', (await factory.namespace()).namespace];
}

async function dumpLogs(client: HttpClient, writer: DumpWriter, pod: Pod): Promise<void> {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const file = join(namespace, name, 'logs.txt');
  for (const container of containers) {
    const what = `container ${container.name} of pod ${namespace}/${name}`;
    let text = `==== START logs for ${what} ====\n`;
    try {
      const response = await client.request({
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`,
        query: { container: container.name },
        accept: '*/*',
      });
      text += response.body.toString('utf8');
    } catch (error) {
      text += `Request log error: ${(error as Error).message}\n`;
    }
    await writer.text(`${text}==== END logs for ${what} ====\n`, file);
  }
}
