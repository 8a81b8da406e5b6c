import { appendFileSync } from 'node:fs';
import type { AgentBuild } from '../transport/agent/agent-protocol.js';
import { AGENT_BUILD_SLOT } from '../transport/agent/agent-protocol.js';
import { serveAgent } from '../transport/agent/agent-server.js';
import { commandRunner } from './agent-run.js';

/**
 * dist/agent.cjs: the user's ktl agent (see src/transport/agent/agent-protocol.ts), started
 * detached by a command that found none: `agent.cjs <socket path> <build id>`. It exits after
 * KTL_AGENT_IDLE_SECONDS (300) with no request in flight, or when another agent took its path.
 * KTL_AGENT_LOG names a file where it notes the method and URL of each request it forwards.
 */
async function main(): Promise<void> {
  const [socketPath, id] = process.argv.slice(2);
  if (!socketPath || !id) {
    process.stderr.write('usage: agent.cjs SOCKET_PATH BUILD_ID\n');
    process.exit(2);
  }
  const idleSeconds = Number(process.env['KTL_AGENT_IDLE_SECONDS'] || 300);
  const logFile = process.env['KTL_AGENT_LOG'];
  const log = logFile ? (line: string) => appendFileSync(logFile, `${line}\n`) : undefined;
  // the commands it runs reach their servers through this agent too (and so share its pools)
  const build: AgentBuild = { entry: process.argv[1] ?? '', id };
  (globalThis as Record<symbol, unknown>)[AGENT_BUILD_SLOT] = build;
  await serveAgent({
    socketPath,
    id,
    idleMs: Math.max(1, idleSeconds) * 1000,
    runCommand: commandRunner(),
    ...(log ? { log } : {}),
  });
  process.exit(0);
}

void main().catch(() => process.exit(1));
