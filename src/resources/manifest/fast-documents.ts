import type * as JsYamlModule from 'js-yaml';
import { MAYBE_NOT_STRING, resolvePlainKey, resolvePlainScalar } from './go-yaml-scalars.js';

/**
 * js-yaml reads the documents of a manifest about fifteen times faster than `yaml`'s
 * Parser/Composer (a 50 MB manifest: 3 s of CPU against 43 s). It is given only strings,
 * sequences and maps, plus one implicit type for plain scalars that resolves them as kubectl's
 * go-yaml v2 does (the same function `yaml`'s path uses), so both readers give the same values.
 *
 * It reads a document only when nothing in it needs `yaml`'s handling: anchors and aliases
 * (`yaml` enforces the alias limit), merge keys, null keys (`yaml` names them ""), and anything
 * js-yaml refuses (errors, duplicate keys, unknown tags, nesting too deep) all go to `yaml`,
 * which words the message as before.
 */
export class FastDocumentReader {
  private readonly jsYaml: typeof JsYamlModule;
  private readonly schema: JsYamlModule.Schema;

  constructor(jsYaml: typeof JsYamlModule) {
    this.jsYaml = jsYaml;
    let last: { text: string; value: unknown } = { text: '', value: null };
    const resolved = (text: string): unknown => {
      if (last.text !== text) last = { text, value: resolvePlainScalar(text) };
      return last.value;
    };
    const goYamlPlain = new jsYaml.Type('tag:ktl,2026:go-yaml-v2-plain', {
      kind: 'scalar',
      resolve: (data) =>
        data !== null && MAYBE_NOT_STRING.test(data) && typeof resolved(data) !== 'string',
      construct: (data) => {
        const value = resolved(data);
        if (value !== null && !sameAsKey(data, value)) throw new Error('left to yaml');
        return value;
      },
    });
    this.schema = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [goYamlPlain] });
  }

  /** The document's value, or undefined when `yaml` must read it. */
  read(text: string): { value: unknown } | undefined {
    if (needsYaml(text) || MARKER_WITH_CONTENT.test(text) || hasLongKey(text)) return undefined;
    try {
      return { value: this.jsYaml.load(text, { schema: this.schema }) };
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether js-yaml's key for this scalar (String(value)) is the one kubectl makes of it. It is
 * not for NaN and the infinities (kubectl refuses them as values), integers beyond int64 and
 * floats that float32 prints otherwise: `yaml`'s path handles those. Null keys are kept from
 * js-yaml by needsYaml, so a null value may stay.
 */
function sameAsKey(text: string, value: unknown): boolean {
  if (typeof value !== 'number') return true;
  try {
    return Number.isFinite(value) && resolvePlainKey(text) === String(value);
  } catch {
    return false;
  }
}

/**
 * Anchors, merge keys, and keys that may be null (`~:`, `null:`, `: x` or `? ` with no key). It
 * may match inside a string too; that document is then only read more slowly. Each pattern
 * starts at a fixed character, so it is scanned for quickly: one pattern with leading
 * alternatives cost 2.4 s on a 50 MB manifest, these 0.7 s.
 */
function needsYaml(text: string): boolean {
  return (
    text.includes('&') ||
    text.includes('<<') ||
    NULL_KEY.test(text) ||
    EMPTY_KEY.test(text) ||
    EXPLICIT_KEY.test(text)
  );
}

/** What may come before a key: the start of the text or of a line, a space, `,`, `{` or `[`. */
const NULL_KEY = /(?<![^\s,{[])(?:~|null|Null|NULL)[ \t]*:(?=[\s,\]}]|$)/m;
const EMPTY_KEY = /(?<![^\s,{[]):(?=[\s,\]}]|$)/m;
const EXPLICIT_KEY = /(?<![^\s,{[])\?(?=\s|$)/m;

/**
 * Content on the `---` line itself (`--- kind: X`): js-yaml reads a block mapping there, `yaml`
 * (and kubectl's document reader) refuse it.
 */
const MARKER_WITH_CONTENT = /^---[ \t]+[^\s#]/;

/** The longest implicit key YAML (and go-yaml) allow; js-yaml does not check it. */
const MAX_IMPLICIT_KEY = 1024;

/** Whether a line may hold an implicit key longer than YAML allows (`yaml` then refuses it). */
function hasLongKey(text: string): boolean {
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > MAX_IMPLICIT_KEY) {
      const colon = text.slice(start, end).search(/:(?:[ \t]|$)/);
      if (colon > MAX_IMPLICIT_KEY) return true;
    }
    start = end + 1;
  }
  return false;
}
