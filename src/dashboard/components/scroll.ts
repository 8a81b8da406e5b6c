/** The first visible row so that `selected` stays on screen, moving as little as possible. */
export function scrollOffset(
  previous: number,
  selected: number,
  height: number,
  count: number,
): number {
  let offset = previous;
  if (selected < offset) offset = selected;
  if (selected >= offset + height) offset = selected - height + 1;
  return Math.max(0, Math.min(offset, Math.max(0, count - height)));
}
