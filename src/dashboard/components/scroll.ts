/** Keys that move a cursor or a scroll position, and where they move it. */
export interface MoveKey {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
}

/**
 * The new position after a movement key (arrows, j/k, page keys, g/G), clamped to
 * [0, count - 1]; undefined when the key is not a movement.
 */
export function moveBy(
  input: string,
  key: MoveKey,
  position: number,
  count: number,
  page: number,
): number | undefined {
  let next: number;
  if (key.upArrow || input === 'k') next = position - 1;
  else if (key.downArrow || input === 'j') next = position + 1;
  else if (key.pageUp || input === '\u0002') next = position - page;
  else if (key.pageDown || input === '\u0006' || input === ' ') next = position + page;
  else if (key.home || input === 'g') next = 0;
  else if (key.end || input === 'G') next = count - 1;
  else return undefined;
  return Math.max(0, Math.min(next, count - 1));
}

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
