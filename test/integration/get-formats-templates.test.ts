/**
 * -o go-template against the real API server: templates people write (fields, range, if,
 * with, variables, index, printf, len, base64decode, comparisons), Go's fmt verbs, and the
 * failures, compared byte for byte (stdout, stderr, exit code) with the same-version kubectl.
 */
import { after, before, describe, test } from 'node:test';
import { testNamespace } from '../helpers/cluster.js';
import { createObjects, same, tempFile } from './get-formats-helpers.js';

const LIST_TEMPLATES = [
  '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}',
  '{{range $i, $d := .items}}{{$i}}: {{$d.metadata.name}} {{len $d.spec.template.spec.containers}}{{"\\n"}}{{end}}',
  '{{range .items}}{{if eq .status.phase "Running"}}up{{else if .status.phase}}{{.status.phase}}{{else}}none{{end}} {{end}}',
  '{{range .items}}{{with .spec.nodeName}}node={{.}}{{else}}unscheduled{{end}};{{end}}',
  '{{- range .items -}}\n  {{ .metadata.name }}{{ "\\t" }}{{ .status.podIP }}\n{{ end -}}',
  '{{range .items}}{{range .spec.containers}}{{.name}}={{.image}} {{end}}{{end}}',
  '{{range .items}}{{range $k, $v := .metadata.labels}}{{$k}}:{{$v}},{{end}}{{end}}',
  '{{$n := len .items}}{{if gt $n 1}}many{{else}}few{{end}} {{$n}}',
  '{{range .items}}{{.metadata.name | printf "%-30s|"}}{{.spec.restartPolicy | printf "%q"}}{{"\\n"}}{{end}}',
  '{{range .items}}{{index .metadata.labels "app"}} {{index .spec.containers 0 "name"}} {{end}}',
  '{{range .items}}{{.status.containerStatuses}}{{"\\n"}}{{end}}',
  '{{(index .items 0).spec.terminationGracePeriodSeconds}} {{(index .items 0).spec.dnsPolicy}}',
  '{{range .items}}{{.metadata.deletionTimestamp}} {{.nope.deeper}} {{end}}',
  '{{range $i, $p := .items}}{{if $i}},{{end}}{{$p.metadata.name}}{{end}}',
  '{{range .items}}{{if and .status.podIP (ne .status.phase "Failed")}}{{.status.podIP}}{{end}} {{end}}',
  '{{range .items}}{{if or .nope .status.hostIP}}{{.status.hostIP}}{{end}}{{end}}',
  '{{range .items}}{{break}}{{end}}{{range .items}}{{continue}}x{{end}}{{range 3}}{{.}}{{end}}',
  '{{range .items}}{{.metadata.name}}{{printf "%T %T" .spec.terminationGracePeriodSeconds .spec}}{{end}}',
  '{{/* a comment */}}{{len .items | printf "%03d"}}',
  '{{define "row"}}[{{.metadata.name}}]{{end}}{{range .items}}{{template "row" .}}{{end}}',
  '{{print "a" 1 2 "b" .kind}} {{println .kind 3}}{{html "<x&y>"}} {{js "a\'b<c>"}} {{urlquery "a b&c"}}',
  '{{exists . "items"}} {{exists . "nope"}} {{exists .items 0 "metadata"}} {{not .nope}}',
  '{{slice "abcdef" 1 3}} {{slice .items 1 | len}} {{index "abc" 1}}',
];

const PRINTF = [
  '%s|%d|%v|%q|%-10s|%5d|%x|%X|%o|%b|%.2f|%05d|%+d|%t',
  '%8.3f|%-8.2f|%e|%E|%g|%G|%.3g|%10.4e|%+.1f|% d|%#x|%#o|%c|%U|%%',
  '%v %v %v %v',
  '%d %s',
  '%s',
  '%*d|%-*d|%.*f',
  '%5t|%-7v|%q|%x|% x|%#q',
  '%v|%d|%s',
];

const PRINTF_ARGS = [
  '"a" 3 "v" "q" "left" 42 255 255 8 5 3.14159 7 5 true',
  '3.14159 2.5 1234.5678 0.000123 1e21 1e-7 2.0 12345.678 -0.05 7 255 8 65 9731',
  '.kind 1.5 true .metadata',
  '"str" 3',
  '.items',
  '5 42 4 7 2 3.14159',
  'true "x" "héllo" "hi" "hi" "back`tick"',
  '(index .items 0).spec.containers 7 (index .items 0).metadata.labels',
];

const FAILURES: Array<[string, string[]]> = [
  ['{{.nope}}', ['--allow-missing-template-keys=false']],
  ['{{range .items}}{{.spec.nope.x}}{{end}}', ['--allow-missing-template-keys=false']],
  ['{{index .items 99}}', []],
  ['{{.items[0]}}', []],
  ['{{range .items}}{{end', []],
  ['{{.kind | nosuchfunc}}', []],
  ['{{template "x"}}', []],
  ['{{ 1 }} {{ nil }}', []],
  ['{{len .nope}}', []],
  ['{{eq .kind 1}}', []],
  ['{{lt "a" 1}}', []],
  ['{{eq .nope "x"}} {{ne .kind "List"}}', []],
  ['{{base64decode "!!"}}', []],
  ['{{base64decode 3}}', []],
  ['{{printf}}', []],
  ['{{.kind.x}}', []],
  ['{{range .kind}}{{end}}', []],
  ['{{if}}{{end}}', []],
  ['{{end}}', []],
  ['{{$x}}', []],
  ['{{break}}', []],
  ['{{"unterminated}}', []],
  ['{{3 | len}}', []],
];

describe('ktl get -o go-template matches kubectl', () => {
  let ns = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'get-tpl');
    await createObjects(ns);
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test('templates people write, over a List of pods', async () => {
    for (const template of LIST_TEMPLATES)
      await same(['get', 'pods', '-n', ns, '-o', `go-template=${template}`]);
  });

  test('single objects: configmap values, secrets with base64decode', async () => {
    await same([
      'get',
      'cm',
      'tricky',
      '-n',
      ns,
      '-o',
      'go-template={{range $k, $v := .data}}{{$k}}={{$v}}|{{end}}',
    ]);
    await same(['get', 'cm', 'tricky', '-n', ns, '-o', 'go-template={{.data}}']);
    await same([
      'get',
      'secret',
      'creds',
      '-n',
      ns,
      '-o',
      'go-template={{.data.user | base64decode}}:{{base64decode .data.pass}}',
    ]);
    await same([
      'get',
      'secret',
      'creds',
      '-n',
      ns,
      '-o',
      'go-template={{range $k, $v := .data}}{{$k}}={{$v | base64decode}}{{"\\n"}}{{end}}',
    ]);
    await same([
      'get',
      'deploy',
      'web',
      '-n',
      ns,
      '-o',
      'go-template={{.spec.replicas}} {{.status}} {{.spec.template.spec.containers}}',
    ]);
  });

  test("Go's fmt verbs through printf", async () => {
    for (let i = 0; i < PRINTF.length; i++)
      await same([
        'get',
        'deploy',
        '-n',
        ns,
        '-o',
        `go-template={{printf "${PRINTF[i] ?? ''}" ${PRINTF_ARGS[i] ?? ''}}}`,
      ]);
  });

  test('template, templatefile, go-template-file and --template', async () => {
    await same(['get', 'cm', '-n', ns, '-o', 'template={{len .items}}']);
    await same(['get', 'cm', '-n', ns, '--template={{range .items}}{{.metadata.name}} {{end}}']);
    const file = tempFile('t.tmpl', '{{range .items}}{{.metadata.name}}\n{{end}}');
    await same(['get', 'cm', '-n', ns, '-o', `go-template-file=${file}`]);
    await same(['get', 'cm', '-n', ns, '-o', `templatefile=${file}`]);
    await same(['get', 'cm', '-n', ns, '-o', 'go-template-file', `--template=${file}`]);
    await same(['get', 'cm', '-n', ns, '-o', 'go-template-file=/nonexistent/t']);
  });

  test('failures: parse errors, missing keys, function errors, with partial output', async () => {
    for (const [template, extra] of FAILURES)
      await same(['get', 'cm', '-n', ns, '-o', `go-template=${template}`, ...extra]);
  });
});
