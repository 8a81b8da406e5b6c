import { Box, Text } from 'ink';
import type { LogViewModel } from '../controller/text-view-models.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

/** The lines on screen: from `first`, each cut to the width, or wrapped onto several lines. */
export function logScreenLines(
  lines: readonly string[],
  width: number,
  height: number,
  wrap: boolean,
  follow: boolean,
): string[] {
  const plain = lines.map((l) => l.replace(/\t/g, '    '));
  if (!wrap || width <= 0) return plain.slice(0, height).map((l) => fit(l, width));
  const wrapped = plain.flatMap((line) => {
    const parts: string[] = [];
    for (let at = 0; at < Math.max(1, line.length); at += width)
      parts.push(line.slice(at, at + width));
    return parts;
  });
  // Following, the newest line stays at the bottom; scrolled, the first line stays at the top.
  return (follow ? wrapped.slice(-height) : wrapped.slice(0, height)).map((l) => fit(l, width));
}

/** Logs: stick to the end unless the user scrolls up (`f` toggles); options in the title. */
export function LogView(props: { view: LogViewModel; height: number; width: number }) {
  const c = useColour();
  const { view, height, width } = props;
  const stream = view.stream;
  const count = stream?.lines.length ?? 0;
  const first = view.first(height);
  const dropped =
    stream && stream.lines.dropped > 0 ? ` · ${stream.lines.dropped} older lines dropped` : '';
  const phase = !stream
    ? 'connecting'
    : stream.phase === 'failed'
      ? `failed: ${stream.error}`
      : stream.phase;
  const container = view.pods.length === 1 ? `/${view.container || '*'}` : '';
  const title = `logs ${view.subject}${container}  [${phase} · ${view.describeOptions()} · ${count} lines${dropped}]`;
  const lines = stream?.lines.slice(first, first + height) ?? [];
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={c(stream?.phase === 'failed' ? 'error' : 'title')} bold>
        {fit(title, width)}
      </Text>
      {logScreenLines(lines, width, height, view.wrap, view.follow).map((line, i) => (
        <Text key={first + i} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
