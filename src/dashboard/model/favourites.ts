/** Most recently used namespaces first, configured ones kept, at most nine (keys 1–9). */
export function rememberNamespace(favourites: readonly string[], namespace: string): string[] {
  if (namespace === '' || favourites.includes(namespace)) return [...favourites];
  return [namespace, ...favourites].slice(0, 9);
}
