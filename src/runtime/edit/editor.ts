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

/** Which of kubectl's edit headers: an object, or last-applied annotations (edit-last-applied). */
export type EditHeaderKind = 'object' | 'last-applied';

/** The header kubectl writes above the objects, with the errors of the last save. */
export function editHeader(errors: readonly string[], kind: EditHeaderKind = 'object'): string {
  let header =
    kind === 'last-applied'
      ? "# Please edit the 'last-applied-configuration' annotations below.\n" +
        "# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.\n#\n"
      : "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n#\n';
  for (const block of errors) header += block;
  return header;
}

/** kubectl's crlf writer (--windows-line-endings): every \n written as \r\n. */
export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * The editor's format from -o: kubectl's editor printer knows json and yaml only (yaml when
 * -o is empty, e.g. with --template alone) and says so once the objects are read.
 */
export function editorFormat(output: string | undefined): 'json' | 'yaml' {
  const format = output ?? '';
  if (format === '' || format.toLowerCase() === 'yaml') return 'yaml';
  if (format.toLowerCase() === 'json') return 'json';
  throw new PlainError(
    `unable to match a printer suitable for the output format "${format}", allowed formats are: json,yaml`,
  );
}
