import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelMatcher } from './selector-filter.js';

test('labelMatcher follows labels.Parse: =, ==, !=, in, notin, exists, !exists, gt, lt', () => {
  const labels = { app: 'web', tier: 'front', n: '5' };
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (db, web)', true],
    ['app notin (db,web)', false],
    ['missing notin (x)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['n>4', true],
    ['n<4', false],
  ];
  for (const [selector, expected] of cases)
    assert.equal(labelMatcher(selector)(labels), expected, selector);
});

test('labelMatcher rejects what it cannot parse', () => {
  assert.throws(() => labelMatcher('app in web'), {
    message:
      "the provided selector \"app in web\" is not valid: unable to parse requirement: found 'web' expected: '('",
  });
});
