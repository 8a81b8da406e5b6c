import { createContext, useContext } from 'react';

/**
 * What each part of the screen is drawn in: a role and its colour (a name Ink knows, `#rrggbb`).
 * ktl's preferences (`dashboard.colors`) may change any of them.
 */
export const DEFAULT_COLOURS: Readonly<Record<string, string>> = {
  header: 'cyan',
  readonly: 'magenta',
  title: 'cyan',
  error: 'red',
  message: 'green',
  question: 'yellow',
  marked: 'cyan',
  good: 'green',
  waiting: 'yellow',
  bad: 'red',
  done: 'gray',
};

/** The colours in use, or none (NO_COLOR, TERM=dumb). */
export interface Palette {
  on: boolean;
  colours: Readonly<Record<string, string>>;
}

export const ColourContext = createContext<Palette | boolean>(true);

/**
 * A function that gives the colour of a role (or a colour named directly) when colours are on,
 * undefined (the terminal's) when off.
 */
export function useColour(): (role: string | undefined) => string | undefined {
  const value = useContext(ColourContext);
  const palette = typeof value === 'boolean' ? { on: value, colours: DEFAULT_COLOURS } : value;
  return (role) =>
    palette.on && role !== undefined
      ? (palette.colours[role] ?? DEFAULT_COLOURS[role] ?? role)
      : undefined;
}

/** The palette with the preferences' colours; roles it does not know come back as warnings. */
export function paletteWith(
  on: boolean,
  overrides: Readonly<Record<string, string>>,
): { palette: Palette; warnings: string[] } {
  const warnings: string[] = [];
  const colours = { ...DEFAULT_COLOURS };
  for (const [role, colour] of Object.entries(overrides)) {
    if (role in DEFAULT_COLOURS) colours[role] = colour;
    else warnings.push(`dashboard.colors.${role}: no such role`);
  }
  return { palette: { on, colours }, warnings };
}
