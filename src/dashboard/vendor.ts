/**
 * Ink and React: the packages only the dashboard needs. The build makes this module its own ES
 * module file (dist/vendor.js, Ink's layout engine needs top-level await), loaded when the
 * dashboard opens; the dashboard's imports of these packages then read that one copy
 * (scripts/build.mjs). Run from source, importing it simply loads the packages.
 */
import * as ink from 'ink';
import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';

export const vendor = { ink, react, jsxRuntime };

/** Settled when the packages are loaded (at once here; the build's stand-in awaits dist/vendor.js). */
export const vendorReady: Promise<void> = Promise.resolve();
