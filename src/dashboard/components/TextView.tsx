import { Box, Text } from 'ink';
import type { TextViewModel } from '../controller/text-view-models.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

/** A scrollable text (YAML, describe): only the lines that fit. */
export function TextView(props: { view: TextViewModel; height: number; width: number }) {
  const c = useColour();
  const { view, height, width } = props;
  const count = view.lines?.length ?? 0;
  const status = view.error
    ? `error: ${view.error}`
    : view.lines
      ? `${view.top + 1}-${Math.min(count, view.top + height)} of ${count}`
      : 'loading…';
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={c(view.error ? 'error' : 'title')} bold>
        {fit(`${view.title}  [${status}]`, width)}
      </Text>
      {(view.lines ?? []).slice(view.top, view.top + height).map((line, i) => (
        <Text key={view.top + i} wrap="truncate">
          {fit(line.replace(/\t/g, '    '), width)}
        </Text>
      ))}
    </Box>
  );
}
