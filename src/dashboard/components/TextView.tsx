import { Box, Text, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { errorText } from './connection-text.js';
import { fit } from './format-row.js';
import { moveBy } from './scroll.js';

/** Props of TextView. */
export interface TextViewProps {
  title: string;
  load: () => Promise<string>;
  height: number;
  width: number;
  active: boolean;
}

/** A scrollable text (YAML, describe): loads once, draws only the lines that fit. */
export function TextView(props: TextViewProps) {
  const [lines, setLines] = useState<string[] | undefined>(undefined);
  const [error, setError] = useState('');
  const [top, setTop] = useState(0);
  const height = props.height + 1;
  useEffect(() => {
    let live = true;
    props.load().then(
      (text) => live && setLines(text.replace(/\n$/, '').split('\n')),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const count = lines?.length ?? 0;
  const maxTop = Math.max(0, count - height);
  useInput(
    (input, key) => {
      const next = moveBy(input, key, top, maxTop + 1, height - 1);
      if (next !== undefined) setTop(next);
    },
    { isActive: props.active },
  );
  const status = error
    ? `error: ${error}`
    : lines
      ? `${top + 1}-${Math.min(count, top + height)} of ${count}`
      : 'loading…';
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={error ? 'red' : 'cyan'} bold>
        {fit(`${props.title}  [${status}]`, props.width)}
      </Text>
      {(lines ?? []).slice(top, top + height).map((line, i) => (
        <Text key={top + i} wrap="truncate">
          {fit(line.replace(/\t/g, '    '), props.width)}
        </Text>
      ))}
    </Box>
  );
}
