import type { Command } from 'commander';
import { collect } from './flag-values.js';

/**
 * kubectl's FilenameOptions flags (-f, -R) on a verb acting on existing objects. Most verbs
 * read a directory flat unless -R; `wait` recurses unless -R=false, as kubectl's does.
 */
export function addFilenameFlags(command: Command, purpose: string, recursive = false): Command {
  return command
    .option(
      '-f, --filename <file>',
      `Filename, directory, or URL to files identifying the resource to ${purpose}`,
      collect,
    )
    .option(
      '-R, --recursive',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      ...(recursive ? [true] : []),
    );
}
