import { Box, Text } from 'ink';
import type { Keymap } from '../input/keymap.js';
import { DEFAULT_KEYMAP } from '../input/keymap.js';
import { fit } from './format-row.js';

/** Every key of the keymap, cut to the space available; mutating keys marked when read-only. */
export function HelpOverlay(props: {
  height: number;
  width: number;
  readonly: boolean;
  offset: number;
  keymap?: Keymap;
}) {
  const lines: Array<{ text: string; heading?: boolean; disabled?: boolean }> = [];
  for (const { section, keys } of (props.keymap ?? DEFAULT_KEYMAP).helpSections()) {
    lines.push({ text: section, heading: true });
    for (const key of keys) {
      const disabled = props.readonly && key.mutating;
      lines.push({
        text: `  ${key.keys.padEnd(20)}${key.help}${disabled ? '  (read-only: off)' : ''}`,
        disabled,
      });
    }
  }
  lines.push({ text: 'esc or ? closes this help', heading: true });
  return (
    <Box flexDirection="column" height={props.height}>
      {lines
        .slice(
          helpOffset(props.offset, lines.length, props.height),
          helpOffset(props.offset, lines.length, props.height) + props.height,
        )
        .map((line, i) => (
          <Text
            key={i}
            wrap="truncate"
            bold={line.heading === true}
            dimColor={line.disabled === true}
          >
            {fit(line.text, props.width)}
          </Text>
        ))}
    </Box>
  );
}

/** The first help line shown: scrolling stops when the last line is on screen. */
export function helpOffset(offset: number, total: number, height: number): number {
  return Math.max(0, Math.min(offset, total - height));
}
