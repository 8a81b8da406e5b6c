import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { HttpClient } from '../../transport/http-client.js';
import { useLogStream } from '../hooks/use-log-stream.js';
import type { LogSource } from '../model/log-stream.js';
import { fit } from './format-row.js';
import { moveBy } from './scroll.js';

/** Props of LogView. */
export interface LogViewProps {
  client: HttpClient;
  source: LogSource;
  containers: string[];
  height: number;
  width: number;
  active: boolean;
  onContainer: (container: string) => void;
}

/** A container's log, followed: sticks to the end unless the user scrolls up (`f` toggles). */
export function LogView(props: LogViewProps) {
  const { stream } = useLogStream(props.client, props.source);
  const [follow, setFollow] = useState(true);
  const [top, setTop] = useState(0);
  const height = props.height + 1;
  const count = stream.lines.length;
  const maxTop = Math.max(0, count - height);
  const first = follow ? maxTop : Math.min(top, maxTop);
  useInput(
    (input, key) => {
      if (input === 'f') {
        setFollow(!follow);
        setTop(first);
        return;
      }
      if (input === 'c' && props.containers.length > 1) {
        const index = props.containers.indexOf(props.source.container);
        props.onContainer(
          props.containers[(index + 1) % props.containers.length] ?? props.source.container,
        );
        return;
      }
      const next = moveBy(input, key, first, maxTop + 1, height - 1);
      if (next === undefined) return;
      setTop(next);
      setFollow(next >= maxTop);
    },
    { isActive: props.active },
  );
  const { pod, container } = props.source;
  const dropped = stream.lines.dropped > 0 ? ` · ${stream.lines.dropped} older lines dropped` : '';
  const phase = stream.phase === 'failed' ? `failed: ${stream.error}` : stream.phase;
  const title = `logs ${pod}/${container}  [${phase}${follow ? ' · follow' : ''} · ${count} lines${dropped}]`;
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={stream.phase === 'failed' ? 'red' : 'cyan'} bold>
        {fit(title, props.width)}
      </Text>
      {stream.lines.slice(first, first + height).map((line, i) => (
        <Text key={first + i} wrap="truncate">
          {fit(line.replace(/\t/g, '    '), props.width)}
        </Text>
      ))}
    </Box>
  );
}
