import { Box, Text } from 'ink';
import type { Dialog } from '../controller/dialog.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

const LABEL_WIDTH = 16;

/** A dialog in place of the view: its fields, the focused one with a cursor. */
export function DialogView(props: { dialog: Dialog; height: number; width: number }) {
  const c = useColour();
  const { dialog, width } = props;
  const inner = Math.max(10, width - 4);
  return (
    <Box flexDirection="column" height={props.height}>
      <Text wrap="truncate" color={c('title')} bold>
        {fit(dialog.title, width)}
      </Text>
      <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
        {dialog.fields.map((field, i) => {
          const focused = i === dialog.focus;
          return (
            <Box key={field.label} flexDirection="column">
              <Text wrap="truncate" bold={focused}>
                {fit(
                  `${focused ? '>' : ' '} ${`${field.label}:`.padEnd(LABEL_WIDTH)}`,
                  LABEL_WIDTH + 2,
                )}
                <Text inverse={focused}>{field.value}</Text>
                {focused ? <Text inverse> </Text> : null}
              </Text>
              {field.hint ? (
                <Text wrap="truncate" dimColor>
                  {fit(`  ${' '.repeat(LABEL_WIDTH)}${field.hint}`, inner)}
                </Text>
              ) : null}
            </Box>
          );
        })}
      </Box>
      <Text wrap="truncate" dimColor>
        {fit('<enter> OK  <esc> cancel  <tab> next field  <ctrl-u> clear field', width)}
      </Text>
    </Box>
  );
}
