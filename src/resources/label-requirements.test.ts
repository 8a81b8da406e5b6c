import assert from 'node:assert/strict';
import test from 'node:test';
import { parseSelector } from './label-requirements.js';

test('parseSelector reads what labels.Parse reads', () => {
  assert.deepEqual(parseSelector(''), []);
  assert.deepEqual(parseSelector('a==b, !c,d notin (y,,x), e, f>3, g='), [
    { key: 'a', operator: '=', value: 'b' },
    { key: 'c', operator: 'notexists' },
    { key: 'd', operator: 'notin', values: ['', 'x', 'y'] },
    { key: 'e', operator: 'exists' },
    { key: 'f', operator: '>', value: '3' },
    { key: 'g', operator: '=', value: '' },
  ]);
  assert.deepEqual(parseSelector('in in (in)'), [{ key: 'in', operator: 'in', values: ['in'] }]);
});

test("parseSelector refuses with labels.Parse's words (as kubectl v1.34 prints them)", () => {
  const cases: Array<[string, string]> = [
    ['bad key', "unable to parse requirement: found 'key', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a=>b', "unable to parse requirement: found '>', expected: identifier"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    [
      'a<x',
      `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
  ];
  for (const [selector, message] of cases)
    assert.throws(() => parseSelector(selector), { message }, selector);
});
