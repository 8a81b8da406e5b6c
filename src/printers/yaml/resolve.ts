/** go-yaml v2's resolve(): which plain strings would read back as something other than a string. */

const SPECIAL_WORDS = new Set(
  (
    'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF ' +
    '~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<'
  ).split(' '),
);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;

function validDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day <= days;
}

function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(s);
  if (!date || !validDate(date[1] as string, date[2] as string, date[3] as string)) return false;
  const rest = date[4] as string;
  if (rest === '') return true;
  const time = /^([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(rest);
  if (!time) return false;
  const [, sep, h, mi, se, , zone] = time;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return false;
  return sep === ' ' ? zone === undefined : zone !== undefined;
}

function isNumber(s: string): boolean {
  const plain = s.replace(/_/g, '');
  if (GO_INT.test(plain)) return true;
  if (YAML_FLOAT.test(plain)) return true;
  return /^-?0[bB][01]+$/.test(plain);
}

/** Whether go-yaml must quote `s` so that it stays a string (`yes`, `1`, `~`, `2024-01-01`, ``). */
export function needsQuotesToStayString(s: string): boolean {
  if (s === '' || SPECIAL_WORDS.has(s)) return true;
  const first = s[0] as string;
  if (first === '.') return YAML_FLOAT.test(s);
  if (/[-+0-9]/.test(first)) return isTimestamp(s) || isNumber(s) || BASE60_FLOAT.test(s);
  return false;
}
