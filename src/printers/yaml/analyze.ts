/** The code points of a string: the string itself (indexable alike) when it has no surrogates. */
function codePoints(value: string): string | string[] {
  return /[\uD800-\uDFFF]/.test(value) ? [...value] : value;
}
/** go-yaml v2's yaml_emitter_analyze_scalar, reduced to block context (what kubectl emits). */

/** Which styles go-yaml allows for a scalar. */
export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const BREAKS = new Set(['\r', '\n', '\u0085', '\u2028', '\u2029']);
const FIRST_INDICATORS = new Set([...'#,[]{}&*!|>\'"%@`']);

/** go-yaml's is_printable on a code point. */
export function isYamlPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

function isBlankOrEnd(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || BREAKS.has(c);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The analysis of a one-line printable ASCII string (most strings), without walking it
 * character by character: only leading/trailing spaces and the indicators matter.
 */
function analyzeAscii(value: string): ScalarAnalysis {
  const first = value[0] as string;
  const second = value[1];
  const leadingOrTrailingSpace = first === ' ' || value.endsWith(' ');
  const blockIndicators =
    value.startsWith('---') ||
    value.startsWith('...') ||
    FIRST_INDICATORS.has(first) ||
    ((first === '?' || first === ':' || first === '-') &&
      (second === undefined || second === ' ')) ||
    value.includes(': ') ||
    value.endsWith(':') ||
    value.includes(' #');
  return {
    multiline: false,
    blockPlainAllowed: !leadingOrTrailingSpace && !blockIndicators,
    singleQuotedAllowed: true,
    blockAllowed: !value.endsWith(' '),
  };
}

/** Analyses `value` as go-yaml does before choosing a scalar style. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value !== '' && PRINTABLE_ASCII.test(value)) return analyzeAscii(value);
  if (value === '')
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  const chars = codePoints(value);
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let [leadingSpace, leadingBreak, trailingSpace, trailingBreak] = [false, false, false, false];
  let [breakSpace, spaceBreak, previousSpace, previousBreak] = [false, false, false, false];
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if (FIRST_INDICATORS.has(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isYamlPrintable(c.codePointAt(0) as number)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.has(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || special) blockPlainAllowed = singleQuotedAllowed = blockAllowed = false;
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}
