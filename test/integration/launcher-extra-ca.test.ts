/**
 * bin/ktl run as a program is a shell launcher that starts Node with NODE_EXTRA_CA_CERTS moved to
 * KTL_NODE_EXTRA_CA_CERTS (Node would parse the whole file before running any code). The CAs in
 * that file must still be trusted wherever Node would have trusted them: an API server whose
 * kubeconfig has no CA, an OIDC issuer; the programs ktl starts (exec credential plugins,
 * kubectl plugins) get the variable back; KTL_NO_AGENT=1 leaves it to Node.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { clusterEnv, isolatedHome, kubectl, repoRoot } from '../helpers/cluster.js';
import { singleContextKubeconfig } from '../helpers/kubeconfig.js';

const cluster = clusterEnv();
const pki = cluster['KTL_PKI_DIR'] ?? '';
const caFile = join(pki, 'ca.crt');
const dir = mkdtempSync(join(tmpdir(), 'ktl-launcher-ca-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const pluginSaw = join(dir, 'plugin-saw');

/** bin/ktl as the shell runs it (not `node bin/ktl`), with exactly these variables changed. */
function launch(args: string[], env: Record<string, string | undefined>): Promise<RunResult> {
  const full: NodeJS.ProcessEnv = { ...process.env, HOME: isolatedHome(), NO_COLOR: '1' };
  delete full['KUBECACHEDIR'];
  delete full['KTL_NODE_EXTRA_CA_CERTS'];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete full[key];
    else full[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'bin', 'ktl'), args, { env: full });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
    child.stdin.end();
  });
}

/**
 * An exec plugin that notes NODE_EXTRA_CA_CERTS as it got it, and the variables ktl's own Node
 * process was started with (its parent's /proc/PID/environ), then hands out the admin token.
 */
function writeExecKubeconfig(clusterYaml: string): string {
  const plugin = join(dir, 'plugin.sh');
  const credential = JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    kind: 'ExecCredential',
    status: { token: cluster['KTL_ADMIN_TOKEN'] ?? '' },
  });
  writeFileSync(
    plugin,
    `#!/bin/sh
{ printf 'plugin=[%s] ' "\${NODE_EXTRA_CA_CERTS-unset}"
  tr '\\0' '\\n' < /proc/$PPID/environ | grep -E '^(KTL_)?NODE_EXTRA_CA_CERTS=' | sort | tr '\\n' ' '
} > ${pluginSaw}
printf '%s' '${credential}'
`,
  );
  chmodSync(plugin, 0o755);
  const file = join(dir, `kubeconfig-${clusterYaml ? 'ca' : 'no-ca'}`);
  const exec = `    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ${plugin}\n      interactiveMode: Never`;
  writeFileSync(
    file,
    singleContextKubeconfig({
      server: cluster['KTL_API_SERVER'] ?? '',
      clusterYaml,
      userYaml: exec,
    }),
  );
  return file;
}

function lastLine(text: string): string {
  return `${text.trimEnd().split('\n').at(-1) ?? ''}\n`;
}

describe('bin/ktl moves NODE_EXTRA_CA_CERTS aside', () => {
  const noCa = writeExecKubeconfig('');

  test('a server whose CA is only in NODE_EXTRA_CA_CERTS is trusted; the plugin gets the variable back', async () => {
    rmSync(pluginSaw, { force: true });
    const result = await launch(['get', 'namespace', 'default', '-o', 'name'], {
      KUBECONFIG: noCa,
      NODE_EXTRA_CA_CERTS: caFile,
      KTL_NO_AGENT: undefined,
    });
    assert.deepEqual(result, { stdout: 'namespace/default\n', stderr: '', code: 0 });
    assert.equal(
      readFileSync(pluginSaw, 'utf8'),
      `plugin=[${caFile}] KTL_NODE_EXTRA_CA_CERTS=${caFile} `,
    );
  });

  test('KTL_NO_AGENT=1 leaves the variable to Node', async () => {
    rmSync(pluginSaw, { force: true });
    const result = await launch(['get', 'namespace', 'default', '-o', 'name'], {
      KUBECONFIG: noCa,
      NODE_EXTRA_CA_CERTS: caFile,
      KTL_NO_AGENT: '1',
    });
    assert.deepEqual(result, { stdout: 'namespace/default\n', stderr: '', code: 0 });
    assert.equal(
      readFileSync(pluginSaw, 'utf8'),
      `plugin=[${caFile}] NODE_EXTRA_CA_CERTS=${caFile} `,
    );
  });

  test('without the variable the server is not trusted: the same error and exit code as kubectl', async () => {
    const env = { KUBECONFIG: noCa, NODE_EXTRA_CA_CERTS: undefined };
    const [ours, theirs] = await Promise.all([
      launch(['get', 'namespace', 'default'], env),
      kubectl(['get', 'namespace', 'default'], { env }),
    ]);
    assert.equal(ours.code, theirs.code);
    // kubectl also logs each failed discovery request before the same last line
    assert.equal(ours.stderr, lastLine(theirs.stderr));
    assert.match(ours.stderr, /certificate signed by unknown authority/);
  });

  test('a kubeconfig CA is trusted alone: the deferred CAs are not added to it', async () => {
    // The kubeconfig names the front-proxy CA, which did not sign the server's certificate; the
    // cluster CA in NODE_EXTRA_CA_CERTS must not rescue it (Node would not have added it either).
    const wrongCa = writeExecKubeconfig(
      `    certificate-authority: ${join(pki, 'front-proxy-ca.crt')}`,
    );
    const env = { KUBECONFIG: wrongCa, NODE_EXTRA_CA_CERTS: caFile };
    const [ours, theirs] = await Promise.all([
      launch(['get', 'namespace', 'default'], env),
      kubectl(['get', 'namespace', 'default'], { env }),
    ]);
    assert.equal(ours.code, 1);
    assert.equal(ours.stderr, lastLine(theirs.stderr));
  });

  test('an OIDC issuer whose CA is only in NODE_EXTRA_CA_CERTS is trusted', async (t) => {
    const seen: string[] = [];
    const issuer = createServer(
      {
        cert: readFileSync(join(pki, 'apiserver.crt')),
        key: readFileSync(join(pki, 'apiserver.key')),
      },
      (req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.setHeader('content-type', 'application/json');
        if (req.url === '/.well-known/openid-configuration')
          res.end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
        else
          res.end(
            JSON.stringify({
              id_token: cluster['KTL_ADMIN_TOKEN'],
              refresh_token: 'next',
              token_type: 'Bearer',
            }),
          );
      },
    );
    await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
    t.after(() => issuer.close());
    const base = `https://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
    const expired = Buffer.from(JSON.stringify({ exp: 1 })).toString('base64url');
    const oidcDir = join(dir, 'oidc');
    mkdirSync(oidcDir, { recursive: true });
    const file = join(oidcDir, 'kubeconfig');
    const config = {
      'idp-issuer-url': base,
      'client-id': 'ktl',
      'id-token': `e30.${expired}.c2ln`,
      'refresh-token': 'first',
    };
    const lines = Object.entries(config)
      .map(([k, v]) => `        ${k}: "${v}"`)
      .join('\n');
    writeFileSync(
      file,
      singleContextKubeconfig({
        server: cluster['KTL_API_SERVER'] ?? '',
        clusterYaml: `    certificate-authority: ${caFile}`,
        userYaml: `    auth-provider:\n      name: oidc\n      config:\n${lines}`,
      }),
      { mode: 0o600 },
    );
    const result = await launch(['get', '--raw', '/api/v1/namespaces/default'], {
      KUBECONFIG: file,
      NODE_EXTRA_CA_CERTS: caFile,
      KTL_NO_AGENT: undefined,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"name":"default"/);
    assert.deepEqual(seen, ['GET /.well-known/openid-configuration', 'POST /token']);
  });
});
