import { Box, Text } from 'ink';
import type { PickViewModel } from '../controller/text-view-models.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';
import { scrollOffset } from './scroll.js';

/** A list to choose from with the arrows and Enter (contexts); the current one is marked. */
export function PickView(props: { view: PickViewModel; height: number; width: number }) {
  const c = useColour();
  const { view, height, width } = props;
  view.offset = scrollOffset(view.offset, view.selected, height, view.items.length);
  const top = view.offset;
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={c('title')} bold>
        {fit(`${view.title} [${view.items.length}]`, width)}
      </Text>
      {view.items.slice(top, top + height).map((item, i) => (
        <Text key={item} wrap="truncate" inverse={top + i === view.selected}>
          {fit(`${item === view.current ? '* ' : '  '}${item}`, width)}
        </Text>
      ))}
    </Box>
  );
}
