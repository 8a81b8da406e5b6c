import { toKubectlJson } from './json-text.js';
import { emitYamlDocument } from './yaml/emit.js';

/**
 * Streams a kubectl `List` (`{"apiVersion":"v1","items":[...],"kind":"List","metadata":
 * {"resourceVersion":""}}`) as -o json or -o yaml one item at a time, so memory stays flat
 * while chunks arrive; the text is the same as printing the whole List at once.
 */
export class ListWriter {
  private count = 0;

  constructor(
    private readonly format: 'json' | 'yaml',
    private readonly write: (text: string) => void,
  ) {}

  /** Writes one item (the List's head first). */
  item(object: unknown): void {
    if (this.format === 'json') {
      if (this.count === 0) this.write('{\n    "apiVersion": "v1",\n    "items": [\n');
      else this.write(',\n');
      this.write(toKubectlJson(object).trimEnd().replace(/^/gm, '        '));
    } else {
      if (this.count === 0) this.write('apiVersion: v1\nitems:\n');
      this.write(emitYamlDocument([object]));
    }
    this.count++;
  }

  /** Writes the List's tail (or the whole empty List). */
  end(): void {
    if (this.format === 'json') {
      const items = this.count === 0 ? '{\n    "apiVersion": "v1",\n    "items": [],' : '\n    ],';
      this.write(
        `${items}\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n`,
      );
    } else {
      if (this.count === 0) this.write('apiVersion: v1\nitems: []\n');
      this.write('kind: List\nmetadata:\n  resourceVersion: ""\n');
    }
  }
}
