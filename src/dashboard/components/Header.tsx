import { Box, Text } from 'ink';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

/** Props of Header. */
export interface HeaderProps {
  context: string;
  cluster: string;
  serverVersion: string;
  namespace: string;
  favourites: string[];
  connection: { text: string; colour: string };
  readonly: boolean;
  width: number;
}

/** Two lines: context, cluster, server version, connection state; namespace and favourites. */
export function Header(props: HeaderProps) {
  const c = useColour();
  const left = `ctx: ${props.context}  cluster: ${props.cluster}  server: ${props.serverVersion || '?'}  `;
  const flags = props.readonly ? '[read-only] ' : '';
  const room = Math.max(0, props.width - left.length - flags.length);
  const favourites = props.favourites.map((ns, i) => `${i + 1}:${ns}`).join(' ');
  const line2 = `ns: ${props.namespace === '' ? 'all' : props.namespace}   0:all ${favourites}   ?:help`;
  return (
    <Box flexDirection="column" height={2}>
      <Text wrap="truncate">
        <Text color={c('header')}>{fit(left, Math.min(left.length, props.width))}</Text>
        {flags ? <Text color={c('readonly')}>{flags}</Text> : null}
        <Text color={c(props.connection.colour)}>{fit(props.connection.text, room)}</Text>
      </Text>
      <Text wrap="truncate" color={c('header')}>
        {fit(line2, props.width)}
      </Text>
    </Box>
  );
}
