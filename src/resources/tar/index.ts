/** Tar archives for `cp`: written from local paths, parsed as they stream in. */
export type { EntryType, TarHeader } from './tar-header.js';
export type { TarEntry, TarHandlers } from './tar-parser.js';
export { TarParser } from './tar-parser.js';
export type { LocalTarOptions } from './local-tar.js';
export { localTar } from './local-tar.js';
export { globLocal } from './local-glob.js';
