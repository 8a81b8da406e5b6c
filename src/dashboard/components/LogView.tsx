import { Box, Text } from 'ink';
import type { LogViewModel } from '../controller/text-view-models.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

/** A container's log: sticks to the end unless the user scrolls up (`f` toggles). */
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
  const { pod, container } = view.source;
  const title = `logs ${pod}/${container}  [${phase}${view.follow ? ' · follow' : ''} · ${count} lines${dropped}]`;
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={c(stream?.phase === 'failed' ? 'red' : 'cyan')} bold>
        {fit(title, width)}
      </Text>
      {(stream?.lines.slice(first, first + height) ?? []).map((line, i) => (
        <Text key={first + i} wrap="truncate">
          {fit(line.replace(/\t/g, '    '), width)}
        </Text>
      ))}
    </Box>
  );
}
