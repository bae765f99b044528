/** Sets `key` in a map that keeps at most `limit` entries, forgetting the oldest first (insertion order). */
export function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  if (map.size >= limit) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
