declare const KTL_VERSION: string | undefined;

/** ktl's own version, injected by the bundler (falls back for unbundled test runs). */
export const KTL_VERSION_STRING = `v${typeof KTL_VERSION === 'string' ? KTL_VERSION : '0.0.0-dev'}`;

/** Go's name for the CPU architecture. */
export function archName(): string {
  const map: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };
  return map[process.arch] ?? process.arch;
}

/** ktl's own version in the shape of kubectl's clientVersion (`ktl version`). */
export function clientVersionInfo(): {
  major: string;
  minor: string;
  gitVersion: string;
  compiler: string;
  nodeVersion: string;
  platform: string;
} {
  const [major = '0', minor = '0'] = KTL_VERSION_STRING.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: KTL_VERSION_STRING,
    compiler: 'esbuild',
    nodeVersion: process.version,
    platform: `${process.platform}/${archName()}`,
  };
}
