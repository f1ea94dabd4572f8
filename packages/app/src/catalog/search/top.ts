/**
 * Keeps the first `limit` items of a stream in `compare` order without sorting all of it: inserts
 * `item` into `list` (already in that order) when it ranks among them, after any equal to it, and
 * drops the one pushed past the limit.
 */
export function keepTop<T>(list: T[], limit: number, item: T, compare: (a: T, b: T) => number): void {
  if (list.length === limit && compare(item, list[limit - 1] as T) >= 0) return;
  let position = list.length;
  while (position > 0 && compare(item, list[position - 1] as T) < 0) position--;
  list.splice(position, 0, item);
  if (list.length > limit) list.pop();
}
