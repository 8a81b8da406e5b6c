import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { fit } from './format-row.js';
import { moveBy, scrollOffset } from './scroll.js';

/** Props of PickView. */
export interface PickViewProps {
  title: string;
  items: string[];
  current: string;
  height: number;
  width: number;
  active: boolean;
  onPick: (item: string) => void;
}

/** A list to choose from with the arrows and Enter (contexts); the current one is marked. */
export function PickView(props: PickViewProps) {
  const [selected, setSelected] = useState(Math.max(0, props.items.indexOf(props.current)));
  const [offset, setOffset] = useState(0);
  const height = props.height + 1;
  useInput(
    (input, key) => {
      if (key.return) {
        const item = props.items[selected];
        if (item !== undefined) props.onPick(item);
        return;
      }
      const next = moveBy(input, key, selected, props.items.length, height - 1);
      if (next !== undefined) setSelected(next);
    },
    { isActive: props.active },
  );
  const top = scrollOffset(offset, selected, height, props.items.length);
  if (top !== offset) setOffset(top);
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color="cyan" bold>
        {fit(`${props.title} [${props.items.length}]`, props.width)}
      </Text>
      {props.items.slice(top, top + height).map((item, i) => (
        <Text key={item} wrap="truncate" inverse={top + i === selected}>
          {fit(`${item === props.current ? '* ' : '  '}${item}`, props.width)}
        </Text>
      ))}
    </Box>
  );
}
