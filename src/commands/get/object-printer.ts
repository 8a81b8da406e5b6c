import { PlainError } from '../../errors/errors.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { KubeObject } from '../../resources/watch-stream.js';
import type { GetOptions } from './get-options.js';

/** Prints the objects of a get: items of a list one at a time, or one object as itself. */
export interface ObjectPrinter {
  item(object: KubeObject, kindGroup: string): Promise<void>;
  single(object: KubeObject, kindGroup: string): Promise<void>;
  end(): Promise<void>;
}

const LIST_TAIL_JSON =
  '    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';

/** JSON as kubectl prints it; a list streams item by item inside the List wrapper. */
function jsonPrinter(write: (text: string) => void): ObjectPrinter {
  let count = 0;
  return {
    item: (object) => {
      const body = toKubectlJson(object).trimEnd().replace(/\n/g, '\n        ');
      write(
        `${count === 0 ? '{\n    "apiVersion": "v1",\n    "items": [\n' : ',\n'}        ${body}`,
      );
      count++;
      return Promise.resolve();
    },
    single: (object) => Promise.resolve(void write(toKubectlJson(object))),
    end: () => {
      if (count === 0)
        write(
          '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
        );
      else write(`\n${LIST_TAIL_JSON}`);
      return Promise.resolve();
    },
  };
}

/** YAML as kubectl prints it; a list streams item by item under `items:`. */
function yamlPrinter(write: (text: string) => void): ObjectPrinter {
  let count = 0;
  return {
    item: async (object) => {
      const body = (await toKubectlYaml(object)).trimEnd().replace(/\n/g, '\n  ');
      write(`${count === 0 ? 'apiVersion: v1\nitems:\n' : ''}- ${body}\n`);
      count++;
    },
    single: async (object) => void write(await toKubectlYaml(object)),
    end: () => {
      write(
        `${count === 0 ? 'apiVersion: v1\nitems: []\n' : ''}kind: List\nmetadata:\n  resourceVersion: ""\n`,
      );
      return Promise.resolve();
    },
  };
}

function namePrinter(write: (text: string) => void): ObjectPrinter {
  const line = (object: KubeObject, kindGroup: string): Promise<void> =>
    Promise.resolve(void write(`${kindGroup}/${object.metadata?.name ?? ''}\n`));
  return { item: line, single: line, end: () => Promise.resolve() };
}

/** Picks the printer for -o. */
export async function objectPrinterFor(
  options: GetOptions,
  write: (text: string) => void,
): Promise<ObjectPrinter> {
  switch (options.output) {
    case 'json':
      return jsonPrinter(write);
    case 'yaml':
      return yamlPrinter(write);
    case 'name':
      return namePrinter(write);
    default:
      await Promise.resolve();
      throw new PlainError(
        `unable to match a printer suitable for the output format "${options.output}"`,
      );
  }
}
