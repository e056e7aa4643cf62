// Styles the portal's pages share: large touch targets and a monospace face for codes.

/** A radio choice drawn as a card: the whole box is the touch target. */
export const CHOICE = {
  display: 'flex',
  alignItems: 'flex-start',
  width: '100%',
  margin: '0 0 8px',
  padding: '10px 12px',
  border: '1px solid #d9d9d9',
  borderRadius: 8,
  whiteSpace: 'normal',
} as const;

/** The receipt code and the secret: every character distinct (0/O, 1/I). */
export const MONO = 'ui-monospace, Menlo, Consolas, "Liberation Mono", monospace';
