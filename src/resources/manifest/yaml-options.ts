/** kubectl reads YAML as go-yaml v2 does: YAML 1.1 (`yes`/`on` are booleans). */
export const PARSE_OPTIONS = {
  version: '1.1',
  uniqueKeys: true,
  prettyErrors: false,
  merge: true,
} as const;
