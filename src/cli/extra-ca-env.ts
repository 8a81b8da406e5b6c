import { deferExtraCaCertificates } from '../transport/deferred-ca.js';

/**
 * bin/ktl and the completion scripts start ktl with NODE_EXTRA_CA_CERTS moved to
 * KTL_NODE_EXTRA_CA_CERTS (see transport/deferred-ca.ts): the transport adds those CAs itself,
 * and the variable goes back for the programs ktl starts (exec credential plugins, editors).
 */
export function takeDeferredExtraCaCertificates(env: NodeJS.ProcessEnv): void {
  const file = env['KTL_NODE_EXTRA_CA_CERTS'];
  if (file === undefined) return;
  delete env['KTL_NODE_EXTRA_CA_CERTS'];
  if (!file || env['NODE_EXTRA_CA_CERTS']) return;
  deferExtraCaCertificates(file);
  env['NODE_EXTRA_CA_CERTS'] = file;
}

/**
 * The same for a command the agent runs: the agent's own Node loaded no extra CAs, so whichever
 * file the command's environment names (moved aside or not) is deferred, or none.
 */
export function deferExtraCaCertificatesOf(env: NodeJS.ProcessEnv): void {
  const file = env['KTL_NODE_EXTRA_CA_CERTS'] || env['NODE_EXTRA_CA_CERTS'] || undefined;
  delete env['KTL_NODE_EXTRA_CA_CERTS'];
  deferExtraCaCertificates(file);
  if (file) env['NODE_EXTRA_CA_CERTS'] = file;
}
