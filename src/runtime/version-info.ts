declare const KTL_VERSION: string | undefined;

/** ktl's own version, injected by the bundler (falls back for unbundled test runs). */
export const KTL_VERSION_STRING = `v${typeof KTL_VERSION === 'string' ? KTL_VERSION : '0.0.0-dev'}`;
