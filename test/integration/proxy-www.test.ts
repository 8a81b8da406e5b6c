import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { adminKubeconfig, isolatedHome, kubectlPath, repoRoot } from '../helpers/cluster.js';

interface Proxy {
  child: ChildProcessWithoutNullStreams;
  port: number;
}

/** Starts `proxy -p 0 ARGS` with ktl or kubectl; resolves with the port it serves on. */
async function startProxy(binary: 'ktl' | 'kubectl', args: string[]): Promise<Proxy> {
  const [command, prefix] =
    binary === 'ktl' ? [process.execPath, [join(repoRoot, 'bin', 'ktl')]] : [kubectlPath(), []];
  const child = spawn(command, [...prefix, 'proxy', '-p', '0', ...args], {
    env: { ...process.env, HOME: isolatedHome(), KUBECONFIG: adminKubeconfig, NO_COLOR: '1' },
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${binary} proxy did not start`)), 20_000);
    child.stdout.on('data', (d: string) => {
      out += d;
      const match = /Starting to serve on 127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return { child, port };
}

interface Reply {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** A GET (or HEAD) sent with the path exactly as given (no dot-segment resolution). */
function request(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => {
        const pick = (name: string): string | undefined => res.headers[name] as string | undefined;
        resolve({
          status: res.statusCode ?? 0,
          body,
          headers: Object.fromEntries(
            ['content-type', 'content-length', 'location', 'last-modified', 'accept-ranges'].map(
              (h) => [h, pick(h)],
            ),
          ),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function wwwDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-www-'));
  mkdirSync(join(dir, 'sub'));
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'hello.txt'), 'hello\n');
  writeFileSync(join(dir, 'data.json'), '{"x":1}\n');
  writeFileSync(join(dir, 'style.css'), 'body{}\n');
  writeFileSync(join(dir, 'README'), 'no extension\n');
  writeFileSync(join(dir, 'blob'), Buffer.from([0, 1, 2, 3, 255]));
  writeFileSync(join(dir, 'a & <b>.md'), '# x\n');
  writeFileSync(join(dir, 'sub', 'app.js'), 'x\n');
  writeFileSync(join(dir, 'site', 'index.html'), '<html>index</html>\n');
  return dir;
}

describe('proxy --www serves static files as kubectl does', () => {
  const dir = wwwDir();
  const running: Proxy[] = [];
  const pair = async (args: string[]): Promise<[number, number]> => {
    const [mine, theirs] = await Promise.all([
      startProxy('ktl', args),
      startProxy('kubectl', args),
    ]);
    running.push(mine, theirs);
    return [mine.port, theirs.port];
  };
  let ports: [number, number] = [0, 0];
  before(async () => {
    ports = await pair([`--www=${dir}`]);
  });
  after(() => running.forEach((p) => p.child.kill()));

  const sameReply = async (
    [mine, theirs]: [number, number],
    path: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ): Promise<Reply> => {
    const [ours, kubectls] = await Promise.all([
      request(mine, path, headers, method),
      request(theirs, path, headers, method),
    ]);
    assert.deepEqual(ours, kubectls, `${method} ${path}`);
    return ours;
  };

  test('files, directories, listings, redirects and errors under the default /static/', async () => {
    const hello = await sameReply(ports, '/static/hello.txt');
    assert.equal(hello.body, 'hello\n');
    assert.equal(hello.headers['content-type'], 'text/plain; charset=utf-8');
    const listing = await sameReply(ports, '/static/');
    assert.match(listing.body, /<a href="sub\/">sub\/<\/a>/);
    assert.match(listing.body, /&amp; &lt;b&gt;\.md<\/a>/);
    assert.equal((await sameReply(ports, '/static')).status, 307);
    assert.equal((await sameReply(ports, '/static/sub')).headers['location'], 'sub/');
    assert.equal((await sameReply(ports, '/static/site/')).body, '<html>index</html>\n');
    assert.equal((await sameReply(ports, '/static/site/index.html')).headers['location'], './');
    assert.equal(
      (await sameReply(ports, '/static/hello.txt/')).headers['location'],
      '../hello.txt',
    );
    assert.equal((await sameReply(ports, '/static/missing')).status, 404);
    for (const path of [
      '/static/data.json',
      '/static/style.css',
      '/static/README',
      '/static/blob',
      '/static/sub/app.js',
      '/static/a%20%26%20%3Cb%3E.md',
      '/static/sub?x=1',
      '/static/../../etc/passwd',
      '/static//hello.txt',
    ])
      await sameReply(ports, path);
    await sameReply(ports, '/static/hello.txt', {}, 'HEAD');
    const later = new Date(Date.now() + 60_000).toUTCString();
    const cached = await sameReply(ports, '/static/hello.txt', { 'if-modified-since': later });
    assert.equal(cached.status, 304);
  });

  test('the API is still served beside the files', async () => {
    const reply = await sameReply(ports, '/api/v1/namespaces/default/pods/not-there');
    assert.equal(reply.status, 404);
    assert.match(reply.body, /"reason":\s*"NotFound"/);
  });

  test('--www-prefix and --api-prefix move both', async () => {
    const moved = await pair([`--www=${dir}`, '--www-prefix=/files', '--api-prefix=/k8s/']);
    assert.equal((await sameReply(moved, '/files/hello.txt')).body, 'hello\n');
    assert.equal((await sameReply(moved, '/static/hello.txt')).status, 404);
    assert.equal((await sameReply(moved, '/k8s/api/v1/namespaces/default')).status, 200);
  });
});
