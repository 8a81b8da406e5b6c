/**
 * The bench's delayed network: a network namespace joined to this one by a veth pair, with
 * `rttMs` of round trip between a command run inside it and the API server. The API server
 * listens on 127.0.0.1 only, so two TCP relays carry the traffic: one inside the namespace on
 * 127.0.0.1:<api port> (the kubeconfig works unchanged, certificate names included) to the host
 * end of the veth, one there to the real 127.0.0.1:<api port>. The delay is tc netem's on both
 * veth ends; where the kernel has no netem (this machine's), the relay inside the namespace adds
 * it. Needs root (ip netns); set up and torn down here.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

const NAMESPACE = 'ktl-bench-delay';
const HOST_END = 'ktlbench0';
const NS_END = 'ktlbench1';
const HOST_IP = '10.213.77.1';
const NS_IP = '10.213.77.2';

/**
 * A TCP relay in plain Node: listen on one address, connect each client to another. With a delay,
 * data each way waits half the round trip, and the client's first bytes wait one more round
 * trip: the TCP handshake its connect did not pay here.
 */
const RELAY = `
const net = require('node:net');
const [listenHost, listenPort, toHost, toPort, rtt] = process.argv.slice(1);
const half = Number(rtt) / 2;
const later = (at, fn) => setTimeout(fn, Math.max(0, at - Date.now()));
net.createServer((client) => {
  const accepted = Date.now();
  const upstream = net.connect(Number(toPort), toHost);
  client.setNoDelay(true); upstream.setNoDelay(true);
  const relay = (from, to, first) => {
    from.on('data', (chunk) => later(Math.max(Date.now() + half, first), () => to.write(chunk)));
    from.on('end', () => later(Math.max(Date.now() + half, first), () => to.end()));
  };
  relay(client, upstream, half ? accepted + Number(rtt) + half : 0);
  relay(upstream, client, 0);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on('error', close); upstream.on('error', close);
}).listen(Number(listenPort), listenHost, () => process.stdout.write('ready'));
`;

export interface DelayedNetwork {
  /** The command line that runs argv inside the namespace. */
  wrap(argv: string[]): string[];
  /** What adds the delay: tc netem, or the relay where the kernel has no netem. */
  delayedBy: string;
  close(): void;
}

function run(argv: string[]): { ok: boolean; stderr: string } {
  const result = spawnSync(argv[0] ?? '', argv.slice(1), { encoding: 'utf8' });
  return { ok: result.status === 0, stderr: (result.stderr ?? '').trim() };
}

function must(argv: string[]): void {
  const result = run(argv);
  if (!result.ok) throw new Error(`${argv.join(' ')}: ${result.stderr}`);
}

async function startRelay(argv: string[]): Promise<ChildProcess> {
  const child = spawn(argv[0] ?? '', argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`relay exited (${code}): ${argv.join(' ')}`)));
    child.stdout?.once('data', () => resolve());
  });
  return child;
}

/** Sets up the namespace, or returns why it cannot (not root, no ip netns). */
export async function setUpDelayedNetwork(
  apiPort: number,
  rttMs: number,
): Promise<DelayedNetwork | string> {
  tearDown();
  const created = run(['ip', 'netns', 'add', NAMESPACE]);
  if (!created.ok) return `ip netns add failed (${created.stderr}); run the bench as root`;
  const relays: ChildProcess[] = [];
  const close = (): void => {
    for (const relay of relays) relay.kill();
    tearDown();
  };
  const inNs = ['ip', 'netns', 'exec', NAMESPACE];
  try {
    must(['ip', 'link', 'add', HOST_END, 'type', 'veth', 'peer', 'name', NS_END]);
    must(['ip', 'link', 'set', NS_END, 'netns', NAMESPACE]);
    must(['ip', 'addr', 'add', `${HOST_IP}/30`, 'dev', HOST_END]);
    must(['ip', 'link', 'set', HOST_END, 'up']);
    must([...inNs, 'ip', 'addr', 'add', `${NS_IP}/30`, 'dev', NS_END]);
    must([...inNs, 'ip', 'link', 'set', NS_END, 'up']);
    must([...inNs, 'ip', 'link', 'set', 'lo', 'up']);
    const half = `${rttMs / 2}ms`;
    const netem = run(['tc', 'qdisc', 'add', 'dev', HOST_END, 'root', 'netem', 'delay', half]);
    if (netem.ok)
      must([...inNs, 'tc', 'qdisc', 'add', 'dev', NS_END, 'root', 'netem', 'delay', half]);
    else if (!/unknown/i.test(netem.stderr)) throw new Error(`tc netem: ${netem.stderr}`);
    const port = String(apiPort);
    const node = [process.execPath, '-e', RELAY];
    relays.push(await startRelay([...node, HOST_IP, port, '127.0.0.1', port, '0']));
    const delay = netem.ok ? '0' : String(rttMs);
    relays.push(await startRelay([...inNs, ...node, '127.0.0.1', port, HOST_IP, port, delay]));
    return {
      wrap: (argv) => [...inNs, ...argv],
      delayedBy: netem.ok ? 'tc netem' : 'the relay in the namespace (no netem in this kernel)',
      close,
    };
  } catch (error) {
    close();
    return (error as Error).message;
  }
}

function tearDown(): void {
  run(['ip', 'link', 'del', HOST_END]);
  run(['ip', 'netns', 'del', NAMESPACE]);
}
