import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { defaultRootsWithDeferredCas } from './tls-material.js';

type Callback = (err: Error | null, stream: Duplex) => void;

function connectToProxy(proxy: URL): net.Socket {
  const port = Number(
    proxy.port || (proxy.protocol === 'https:' ? 443 : proxy.protocol === 'socks5:' ? 1080 : 80),
  );
  const host = proxy.hostname.replace(/^\[|\]$/g, '');
  if (proxy.protocol === 'https:') {
    const ca = defaultRootsWithDeferredCas();
    return tls.connect({
      host,
      port,
      servername: isIPHost(host) ? undefined : host,
      ...(ca ? { ca } : {}),
    });
  }
  return net.connect({ host, port });
}

function isIPHost(host: string): boolean {
  return net.isIP(host) !== 0;
}

function proxyConnectError(message: string): Error {
  return Object.assign(new Error(`proxyconnect tcp: ${message}`), { code: 'KTL_PROXY' });
}

/** Opens an HTTP CONNECT tunnel through the proxy to host:port. */
function httpConnect(proxy: URL, host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectToProxy(proxy);
    const target = `${net.isIP(host) === 6 ? `[${host}]` : host}:${port}`;
    let request = `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n`;
    if (proxy.username) {
      const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      request += `Proxy-Authorization: Basic ${Buffer.from(pair).toString('base64')}\r\n`;
    }
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const statusLine = received.subarray(0, received.indexOf('\r\n')).toString('latin1');
      if (!/^HTTP\/1\.[01] 2\d\d/.test(statusLine)) {
        socket.destroy();
        reject(proxyConnectError(statusLine.replace(/^HTTP\/1\.[01] \d+ /, '') || 'bad response'));
        return;
      }
      const rest = received.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`${request}\r\n`);
  });
}

/** Opens a SOCKS5 tunnel (no auth, or username/password) to host:port. */
function socks5Connect(proxy: URL, host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectToProxy(proxy);
    const withAuth = proxy.username !== '';
    const steps: Array<(reply: Buffer) => Buffer | null> = [];
    const address = Buffer.from(host);
    const connectRequest = Buffer.concat([
      Buffer.from([5, 1, 0, 3, address.length]),
      address,
      Buffer.from([port >> 8, port & 255]),
    ]);
    steps.push((reply) => {
      if (reply[0] !== 5 || (reply[1] !== 0 && reply[1] !== 2))
        throw proxyConnectError('socks5 handshake refused');
      if (reply[1] === 0) return connectRequest;
      const user = Buffer.from(decodeURIComponent(proxy.username));
      const pass = Buffer.from(decodeURIComponent(proxy.password));
      steps.splice(1, 0, (auth) => {
        if (auth[1] !== 0) throw proxyConnectError('socks5 authentication failed');
        return connectRequest;
      });
      return Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]);
    });
    steps.push((reply) => {
      if (reply[1] !== 0)
        throw proxyConnectError(`socks5 connect failed (code ${reply[1] ?? '?'})`);
      return null;
    });
    const onData = (chunk: Buffer): void => {
      try {
        const step = steps.shift();
        const next = step ? step(chunk) : null;
        if (next) socket.write(next);
        else {
          socket.off('data', onData);
          resolve(socket);
        }
      } catch (error) {
        socket.destroy();
        reject(error);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(Buffer.from(withAuth ? [5, 2, 0, 2] : [5, 1, 0]));
  });
}

function tunnel(proxy: URL, host: string, port: number): Promise<net.Socket> {
  return proxy.protocol === 'socks5:'
    ? socks5Connect(proxy, host, port)
    : httpConnect(proxy, host, port);
}

/**
 * An https.Agent that reaches the server through a proxy (HTTP CONNECT or SOCKS5) and then
 * does TLS with the agent's own options, so CA, client certificate and server name still apply.
 */
export function httpsProxyAgent(proxy: URL, options: https.AgentOptions): https.Agent {
  const agent = new https.Agent(options);
  agent.createConnection = (connectOptions: https.RequestOptions, callback?: Callback) => {
    const host = String(connectOptions.hostname ?? connectOptions.host ?? '').replace(
      /^\[|\]$/g,
      '',
    );
    const port = Number(connectOptions.port ?? 443);
    tunnel(proxy, host, port).then(
      (socket) => {
        const secure = tls.connect({ ...(connectOptions as tls.ConnectionOptions), socket });
        callback?.(null, secure);
      },
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  };
  return agent;
}

/** An http.Agent whose connections are tunnelled through the proxy. */
export function httpProxyAgent(proxy: URL, options: http.AgentOptions): http.Agent {
  const agent = new http.Agent(options);
  agent.createConnection = (connectOptions: http.ClientRequestArgs, callback?: Callback) => {
    const host = String(connectOptions.hostname ?? connectOptions.host ?? '').replace(
      /^\[|\]$/g,
      '',
    );
    tunnel(proxy, host, Number(connectOptions.port ?? 80)).then(
      (socket) => callback?.(null, socket),
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  };
  return agent;
}
