/** distribution/reference's ReferenceRegexp (v0.6.0), which `kubectl run` checks images against. */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePattern})(?::(${tag}))?(?:@(${digest}))?$`);

/** Whether an image reference is well formed, as `kubectl run` requires. */
export function isValidImageReference(image: string): boolean {
  return referenceRegexp.test(image);
}

/** kubectl's message for a malformed image reference. */
export function invalidImageMessage(image: string): string {
  return `Invalid image name ${JSON.stringify(image)}: invalid reference format`;
}
