import type { Factory } from '../../runtime/factory.js';
import { selectedContextName } from '../../config/client-config.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { IOStreams, OutputStream } from '../../util/io-streams.js';
import type { RestMapper } from '../../discovery/index.js';
import { contextSettings } from './context-settings.js';
import { completionNames } from './discovery-types.js';
import { InformerPool } from './informer-pool.js';
import { PortForwards } from './port-forwards.js';

/** Everything the dashboard needs about one context: its client, cache and settings. */
export interface Session {
  factory: Factory;
  client: HttpClient;
  contextName: string;
  clusterName: string;
  /** The context's namespace (or -n), used when the user has not chosen another. */
  defaultNamespace: string;
  readonly: boolean;
  favourites: string[];
  contexts: string[];
  pool: InformerPool;
  /** The port-forwards held on this context (stopped when the session closes). */
  forwards: PortForwards;
  /** What a typed type name means (kubectl's REST mapper: short names, kinds, CRDs). */
  mapper: RestMapper;
  /** Type names for `:` completion, filled when discovery answers. */
  typeNames: string[];
  /** The server's gitVersion ('' when it cannot be read), asked for first thing. */
  serverVersion: Promise<string>;
}

/** Where the session's warnings go (never the terminal the dashboard draws on). */
export type MessageSink = (text: string) => void;

/** A stream that turns writes into dashboard messages. */
function sinkStream(sink: MessageSink): OutputStream {
  return {
    write(chunk) {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      for (const line of text.split('\n')) if (line.trim() !== '') sink(line.trim());
      return true;
    },
    isTTY: false,
  };
}

/**
 * Opens a session on the base factory's context, or on `contextName` (`:ctx`): a Factory of
 * its own whose warnings go to the message line, the context's ktl settings, and a fresh
 * informer pool. Discovery fills the catalog in the background.
 */
export async function openSession(
  base: Factory,
  streams: IOStreams,
  options: { readonly: boolean; contextName?: string; namespace?: string },
  sink: MessageSink,
): Promise<Session> {
  const flags = { ...base.flags };
  if (options.contextName !== undefined) {
    flags.context = options.contextName;
    delete flags.namespace;
    delete flags.cluster;
    delete flags.user;
  }
  const factory = base.withConfig(flags, { ...streams, err: sinkStream(sink) });
  const config = await factory.kubeConfig();
  const contextName = selectedContextName(config, flags);
  const settings = contextSettings(config, contextName);
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const version = serverVersion(client);
  const mapper = await factory.restMapper();
  const typeNames: string[] = [];
  factory
    .discovery()
    .then(completionNames)
    .then((names) => typeNames.push(...names))
    .catch((error: unknown) =>
      sink(`discovery: ${error instanceof Error ? error.message : String(error)}`),
    );
  return {
    factory,
    client,
    contextName,
    clusterName: config.contexts.get(contextName)?.value.cluster ?? flags.cluster ?? '',
    defaultNamespace: options.namespace ?? namespace,
    readonly: options.readonly || settings.readonly,
    favourites: settings.favourites,
    contexts: [...config.contexts.keys()].sort(),
    pool: new InformerPool(client),
    forwards: new PortForwards(() => factory.streamDialer()),
    mapper,
    typeNames,
    serverVersion: version,
  };
}

/** Stops the session's informers and closes its connections. */
export async function closeSession(session: Session): Promise<void> {
  session.forwards.stopAll();
  await session.pool.stopAll();
  await session.factory.close();
}

/** The server's gitVersion, or '' when it cannot be read. */
export async function serverVersion(client: HttpClient): Promise<string> {
  try {
    const info = await client.json<{ gitVersion?: string }>({ path: '/version' });
    return info.gitVersion ?? '';
  } catch {
    return '';
  }
}
