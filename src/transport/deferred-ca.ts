import { readFileSync } from 'node:fs';

/**
 * Node reads NODE_EXTRA_CA_CERTS at start-up, and doing so parses its whole root store: on a
 * machine that points it at the system bundle that is ~75 ms before any code runs, paid even by
 * a process that never opens a connection or that trusts only the kubeconfig's CA. The shell
 * completion scripts therefore start ktl with the file moved to KTL_NODE_EXTRA_CA_CERTS, and the
 * transport adds those certificates itself, only to connections that trust the default roots,
 * which is what Node would have trusted. (This module loads nothing heavy: the cli calls it first.)
 */
let deferredFile: string | undefined;
let deferredCas: Buffer | null | undefined;

/** Sets (or, with undefined, clears: the agent runs many commands) the deferred file. */
export function deferExtraCaCertificates(file: string | undefined): void {
  deferredFile = file;
  deferredCas = undefined;
}

/** The deferred certificates (PEM), if any were deferred and the file is readable. */
export function deferredExtraCas(): Buffer | undefined {
  if (!deferredFile) return undefined;
  if (deferredCas === undefined) {
    try {
      deferredCas = readFileSync(deferredFile);
    } catch {
      // Node ignores an unreadable NODE_EXTRA_CA_CERTS (with a warning); so does ktl.
      deferredCas = null;
    }
  }
  return deferredCas ?? undefined;
}
