import { createContext, useContext } from 'react';

/** Whether the dashboard may colour its text (not with NO_COLOR or TERM=dumb). */
export const ColourContext = createContext(true);

/** A function that gives a colour back when colours are on, undefined (the terminal's) when off. */
export function useColour(): (colour: string | undefined) => string | undefined {
  const on = useContext(ColourContext);
  return (colour) => (on ? colour : undefined);
}
