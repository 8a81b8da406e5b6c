import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { BuilderContext } from './context.js';
import { ResourceBuilder } from './builder.js';
import type { ManifestInput } from './manifest-input.js';
import { hasFilenames } from './manifest-input.js';
import { NoResourcesError } from './arg-errors.js';
import { MultipleErrors } from '../../errors/errors.js';
import { splitResourceArgs } from './resource-args.js';

/** A context whose every call fails: the checks below must reject before reaching it. */
const offline: BuilderContext = {
  restMapper: () => Promise.reject(new Error('the mapper was asked')),
  client: () => Promise.reject(new Error('the client was asked')),
  namespace: () => Promise.resolve({ namespace: 'default', explicit: false }),
  streams: { in: Readable.from(['']), err: { write: () => true } },
};

const kustomize: ManifestInput = { flag: '-k', read: () => Promise.resolve([]) };

test('splitResourceArgs tells TYPE NAME... from TYPE/NAME... and refuses a mix', () => {
  assert.deepEqual(splitResourceArgs(['pods,svc', 'a', 'b']), {
    form: 'types',
    types: 'pods,svc',
    names: ['a', 'b'],
  });
  assert.deepEqual(splitResourceArgs(['po/a', 'deploy/b']), {
    form: 'typeNames',
    pairs: [
      { type: 'po', name: 'a' },
      { type: 'deploy', name: 'b' },
    ],
  });
  assert.throws(() => splitResourceArgs(['pods', 'po/a']), /no need to specify a resource type/);
  assert.throws(() => splitResourceArgs(['po/']), /must have a single resource and name/);
});

test('the builder rejects bad argument combinations before asking the server', async () => {
  const builder = (): ResourceBuilder => new ResourceBuilder(offline);
  await assert.rejects(builder().plan(), /You must provide one or more resources/);
  await assert.rejects(
    builder().selectAllParam(true).labelSelectorParam('a=b').resourceTypeOrNameArgs(['po']).plan(),
    /cannot set --all and --selector at the same time/,
  );
  await assert.rejects(
    builder()
      .filenameParam({ filename: ['x.yaml'] })
      .resourceTypeOrNameArgs(['po'])
      .plan(),
    /you may not specify resource arguments as well/,
  );
  await assert.rejects(
    builder()
      .filenameParam({ filename: ['x.yaml'] })
      .resourceTypeOrNameArgs(['po/a'])
      .plan(),
    /resource\/name arguments cannot be provided when a path is specified/,
  );
  await assert.rejects(
    builder()
      .filenameParam({ filename: ['x.yaml'] })
      .manifestInput(kustomize)
      .readManifests(),
    /only one of -f or -k can be specified/,
  );
  await assert.rejects(
    builder().filenameParam({ recursive: true }).manifestInput(kustomize).readManifests(),
    /the -k flag can't be used with -f or -R/,
  );
});

test('-k is a filename input: kubectl checks it against -f and -R before anything else', async () => {
  const builder = (): ResourceBuilder => new ResourceBuilder(offline);
  // The directories do not exist: the checks must fail before any input is read.
  await assert.rejects(
    builder()
      .filenameParam({ filename: ['x.yaml'], kustomize: 'missing-dir' })
      .resourceTypeOrNameArgs(['po'])
      .plan(),
    (error: Error) => error.message === 'only one of -f or -k can be specified',
  );
  await assert.rejects(
    builder().filenameParam({ kustomize: 'missing-dir', recursive: true }).plan(),
    (error: Error) => error.message === "the -k flag can't be used with -f or -R",
  );
  // Both at once: kubectl's aggregate, one line each.
  await assert.rejects(
    builder()
      .filenameParam({ filename: ['x.yaml'], kustomize: 'missing-dir', recursive: true })
      .plan(),
    (error: Error) =>
      error instanceof MultipleErrors &&
      error.message ===
        "only one of -f or -k can be specified\nthe -k flag can't be used with -f or -R",
  );
  await assert.rejects(
    builder().filenameParam({ kustomize: 'missing-dir' }).resourceTypeOrNameArgs(['po']).plan(),
    /you may not specify resource arguments as well/,
  );
  // kubectl treats -k '' as no -k at all.
  assert.equal(hasFilenames({ kustomize: '' }), false);
  await assert.rejects(builder().filenameParam({ kustomize: '' }).plan(), NoResourcesError);
});

test('a manifest input is read through the builder and filtered by -l', async () => {
  const objects = [
    { metadata: { name: 'a', labels: { app: 'x' } } },
    { metadata: { name: 'b', labels: { app: 'y' } } },
  ].map((object) => ({
    object,
    source: { file: 'k', document: 1, itemPath: [], positions: new Map() },
  }));
  const input: ManifestInput = { flag: '-k', read: () => Promise.resolve(objects) };
  const read = await new ResourceBuilder(offline)
    .manifestInput(input)
    .labelSelectorParam('app=x')
    .readManifests();
  assert.deepEqual(
    read.map((m) => m.object['metadata']),
    [{ name: 'a', labels: { app: 'x' } }],
  );
});
