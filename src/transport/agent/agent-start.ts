import { spawn } from 'node:child_process';

/**
 * Starts the agent detached (agent-client.ts imports this module only then: node:child_process
 * costs ~10 ms to load, which only a command that starts the agent should pay).
 */
export function spawnAgent(
  entry: string,
  socketPath: string,
  id: string,
  env: NodeJS.ProcessEnv,
): void {
  spawn(process.execPath, [entry, socketPath, id], {
    detached: true,
    stdio: 'ignore',
    cwd: '/',
    env,
  }).unref();
}
