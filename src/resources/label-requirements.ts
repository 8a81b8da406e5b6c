/**
 * The grammar of a label selector string (k8s.io/apimachinery labels.Parse), shared by the
 * commands that match objects (`apply -l`) and those that build a LabelSelector from it
 * (`create pdb --selector`).
 */

/** One requirement of a selector string. */
export type LabelRequirement =
  | { key: string; operator: 'exists' | 'notexists' }
  | { key: string; operator: 'in' | 'notin'; values: string[] }
  | { key: string; operator: '=' | '!=' | '<' | '>'; value: string };

/** A token of labels.Parse's lexer: a symbol, `in`/`notin`, an identifier or the end. */
interface Token {
  kind: string;
  text: string;
}

const SYMBOL_CHARS = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOL_TOKENS = new Set([')', ',', '!', '==', '=', '>', '<', '!=', '(']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** The longest symbol token at `start` (the lexer's scanSpecialSymbol) and where it ends. */
function scanSymbol(text: string, start: number): [Token, number] {
  let buffer = '';
  let last: Token = { kind: text[start] ?? '', text: text[start] ?? '' };
  let end = start;
  for (let i = start; i < text.length && SYMBOL_CHARS.has(text[i] ?? ''); i++) {
    buffer += text[i];
    if (!SYMBOL_TOKENS.has(buffer)) break;
    last = { kind: buffer, text: buffer };
    end = i + 1;
  }
  return [last, end];
}

/** labels.Parse's lexer: the selector's tokens, ending with an `end` token. */
function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i++;
    if (i >= text.length) break;
    if (SYMBOL_CHARS.has(text[i] ?? '')) {
      const [token, end] = scanSymbol(text, i);
      tokens.push(token);
      i = end;
      continue;
    }
    let word = '';
    while (i < text.length && !SYMBOL_CHARS.has(text[i] ?? '') && !WHITESPACE.has(text[i] ?? ''))
      word += text[i++];
    tokens.push({ kind: word === 'in' || word === 'notin' ? word : 'id', text: word });
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/** labels.Parse's recursive-descent parser over the tokens, with its error texts. */
class SelectorParser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The next token; as a value (`values`), `in` and `notin` are identifiers. */
  private peek(asValue = true): Token {
    const token = this.tokens[this.position] ?? { kind: 'end', text: '' };
    return asValue && (token.kind === 'in' || token.kind === 'notin')
      ? { kind: 'id', text: token.text }
      : token;
  }

  private next(asValue = true): Token {
    const token = this.peek(asValue);
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  /** The requirements, or labels.Parse's error. */
  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const start = this.peek();
      if (start.kind === 'end') return requirements;
      if (start.kind !== 'id' && start.kind !== '!')
        throw new Error(`found '${start.text}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (error) {
        throw new Error(`unable to parse requirement: ${(error as Error).message}`);
      }
      const after = this.next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',')
        throw new Error(`found '${after.text}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.kind !== 'id' && following.kind !== '!')
        throw new Error(`found '${following.text}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let token = this.next();
    const negated = token.kind === '!';
    if (negated) token = this.next();
    if (token.kind !== 'id') throw new Error(`found '${token.text}', expected: identifier`);
    const key = token.text;
    if (negated) return { key, operator: 'notexists' };
    const lookahead = this.peek().kind;
    if (lookahead === 'end' || lookahead === ',') return { key, operator: 'exists' };
    const operator = this.next(false);
    switch (operator.kind) {
      case 'in':
      case 'notin':
        return { key, operator: operator.kind, values: this.values() };
      case '=':
      case '==':
        return { key, operator: '=', value: this.exactValue() };
      case '!=':
        return { key, operator: '!=', value: this.exactValue() };
      case '<':
      case '>':
        return { key, operator: operator.kind, value: integerValue(this.exactValue()) };
      default:
        throw new Error(`found '${operator.text}', expected: ${BINARY_OPERATORS}`);
    }
  }

  private values(): string[] {
    const open = this.next();
    if (open.kind !== '(') throw new Error(`found '${open.text}' expected: '('`);
    const first = this.peek();
    if (first.kind === ')') {
      this.next();
      return [''];
    }
    if (first.kind !== 'id' && first.kind !== ',')
      throw new Error(`found '${first.text}', expected: ',', ')' or identifier`);
    const values = this.identifierList();
    if (this.next().kind !== ')') throw new Error(`found '${first.text}', expected: ')'`);
    return [...values].sort();
  }

  private identifierList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const token = this.next();
      if (token.kind === 'id') {
        values.add(token.text);
        const after = this.peek();
        if (after.kind === ')') return values;
        if (after.kind !== ',') throw new Error(`found '${after.text}', expected: ',' or ')'`);
      } else if (token.kind === ',') {
        if (values.size === 0) values.add('');
        const after = this.peek().kind;
        if (after === ')') return values.add('');
        if (after === ',') {
          this.next();
          values.add('');
        }
      } else throw new Error(`found '${token.text}', expected: ',', or identifier`);
    }
  }

  private exactValue(): string {
    const lookahead = this.peek().kind;
    if (lookahead === 'end' || lookahead === ',') return '';
    const token = this.next();
    if (token.kind === 'id') return token.text;
    throw new Error(`found '${token.text}', expected: identifier`);
  }
}

/** NewRequirement's check of a Gt/Lt value: a base-10 integer. */
function integerValue(value: string): string {
  if (/^[+-]?\d+$/.test(value)) return value;
  throw new Error(
    `values[0]: Invalid value: "${value}": for 'Gt', 'Lt' operators, the value must be an integer`,
  );
}

/**
 * A whole selector string as labels.Parse reads it (its grammar, not its key and value
 * validation), or an Error carrying labels.Parse's message.
 */
export function parseSelector(selector: string): LabelRequirement[] {
  return new SelectorParser(lex(selector)).parse();
}
