/**
 * Launching the user's editor as kubectl does (cmd/util/editor): KUBE_EDITOR, then EDITOR, then
 * vi; a value with spaces is split, one with quotes or backslashes goes to `sh -c`.
 */
import { spawn } from 'node:child_process';
import { PlainError } from '../../errors/errors.js';

/** The command line to run for a file. */
export function editorCommand(
  env: NodeJS.ProcessEnv,
  file: string,
): { command: string; args: string[] } {
  const editor = env['KUBE_EDITOR'] || env['EDITOR'] || 'vi';
  if (!editor.includes(' ')) return { command: editor, args: [file] };
  if (!/["'\\]/.test(editor)) {
    const [command = '', ...rest] = editor.split(' ');
    return { command, args: [...rest, file] };
  }
  const shell = env['SHELL'] || '/bin/bash';
  return { command: shell, args: ['-c', `${editor} ${JSON.stringify(file)}`] };
}

/** Runs the editor on the file with the terminal attached; fails as kubectl does when it fails. */
export function runEditor(env: NodeJS.ProcessEnv, file: string): Promise<void> {
  const { command, args } = editorCommand(env, file);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', (error) =>
      reject(
        new PlainError(
          `unable to launch the editor "${[command, ...args].join(' ')}": ${error.message}`,
        ),
      ),
    );
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new PlainError(`there was a problem with the editor "${[command, ...args].join(' ')}"`),
        );
    });
  });
}

/** kubectl's ManualStrip: drops comment lines (but not `#!`). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const trimmed = line.trim();
      return !(trimmed.startsWith('#') && !trimmed.startsWith('#!'));
    })
    .join('\n');
}

/** The header kubectl writes above the object, with the errors of the last save. */
export function editHeader(errors: readonly string[]): string {
  let header =
    "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
    '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
    '# reopened with the relevant failures.\n#\n';
  for (const block of errors) header += block;
  return header;
}
