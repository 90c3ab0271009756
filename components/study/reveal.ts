/** Scroll the page to text[start, end) of the scan's text (the panel's one action on the page). */
export type Reveal = (start: number, end: number) => void;
