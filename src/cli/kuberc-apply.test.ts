import assert from 'node:assert/strict';
import { test } from 'node:test';
import { givenInArgs } from './kuberc-apply.js';

const shorthands = new Set(['o', 'n', 'i', 't', 'A']);

test("kubectl's searchInArgs: long forms, shorthands, joined values, runs of shorthands", () => {
  assert.equal(givenInArgs('output', 'o', shorthands, ['get', '--output', 'x']), true);
  assert.equal(givenInArgs('output', 'o', shorthands, ['get', '--output=x']), true);
  assert.equal(givenInArgs('output', 'o', shorthands, ['get', '-oyaml']), true);
  assert.equal(givenInArgs('output', 'o', shorthands, ['get', '-o', 'yaml']), true);
  assert.equal(givenInArgs('stdin', 'i', shorthands, ['exec', '-ti', 'p']), true);
  assert.equal(givenInArgs('output', 'o', shorthands, ['get', '--outputs=x', 'po']), false);
  assert.equal(givenInArgs('output', '', shorthands, ['get', '-o', 'x']), false);
  // every word counts, those after -- too, as in kubectl
  assert.equal(givenInArgs('namespace', 'n', shorthands, ['exec', 'p', '--', 'ls', '-n']), true);
});
