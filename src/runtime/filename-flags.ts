import type { Command } from 'commander';
import { collect } from './flag-values.js';

/**
 * kubectl's FilenameOptions flags (-f, -k, -R) on a verb acting on existing objects; the
 * resource builder reads them all. Most verbs read a directory flat unless -R; `wait` recurses
 * unless -R=false and has no -k, as kubectl's does.
 */
export function addFilenameFlags(command: Command, purpose: string, recursive = false): Command {
  return addFilenameFlagsWithHelp(
    command,
    `Filename, directory, or URL to files identifying the resource to ${purpose}`,
    recursive,
  );
}

/** addFilenameFlags for a verb whose -f help kubectl words its own way (describe, edit). */
export function addFilenameFlagsWithHelp(
  command: Command,
  filenameHelp: string,
  recursive = false,
): Command {
  command.option('-f, --filename <file>', filenameHelp, collect);
  if (!recursive) addKustomizeFlag(command);
  return command.option(
    '-R, --recursive',
    'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    ...(recursive ? [true] : []),
  );
}

/** `-k DIR`: the objects of a kustomization, read by the builder as one more manifest input. */
export function addKustomizeFlag(command: Command, article = 'the'): Command {
  return command.option(
    '-k, --kustomize <dir>',
    `Process ${article} kustomization directory. This flag can't be used together with -f or -R.`,
  );
}
