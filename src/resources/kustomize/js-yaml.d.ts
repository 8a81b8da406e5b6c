/** The part of js-yaml 4 (which ships no types) the kustomize reader uses. */
declare module 'js-yaml' {
  export interface Mark {
    line: number;
    column: number;
  }
  export class YAMLException extends Error {
    reason: string;
    mark?: Mark;
  }
  export interface Schema {
    extend(types: unknown[] | { implicit?: unknown[]; explicit?: unknown[] }): Schema;
  }
  export const CORE_SCHEMA: Schema;
  export class Type {
    constructor(
      tag: string,
      options: {
        kind: 'scalar';
        resolve: (data: string | null) => boolean;
        construct: (data: string) => unknown;
      },
    );
  }
  export const types: { merge: unknown };
  export function loadAll(
    text: string,
    iterator: null,
    options?: { schema?: Schema; filename?: string },
  ): unknown[];
}
