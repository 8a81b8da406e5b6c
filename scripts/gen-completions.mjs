// Writes the shell completion scripts into completions/ from the built CLI, so the committed
// files are exactly what `ktl completion <shell>` prints. With --check, fails (exit 1) when a
// committed file differs from what the current build prints (CI runs it).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const files = { bash: 'ktl.bash', zsh: '_ktl', fish: 'ktl.fish', powershell: 'ktl.ps1' };
const check = process.argv.includes('--check');
let stale = 0;
for (const [shell, file] of Object.entries(files)) {
  const script = execFileSync(process.execPath, [`${root}bin/ktl`, 'completion', shell], {
    encoding: 'utf8',
  });
  const path = `${root}completions/${file}`;
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== script) {
      console.error(`completions/${file} is out of date: run npm run completions and commit it`);
      stale++;
    }
  } else writeFileSync(path, script);
}
process.exit(stale === 0 ? 0 : 1);
