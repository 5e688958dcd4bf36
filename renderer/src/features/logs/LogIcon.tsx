/**
 * Icons only the log viewer uses, drawn like components/Icon (24-unit grid, 1.75 stroke), kept
 * here so the shared set stays small. Decorative: meaning comes from the label next to them.
 */
const paths = {
  download: 'M12 4v11M7.5 10.5L12 15l4.5-4.5M5 19h14',
  wrap: 'M4 6h16M4 12h13a3 3 0 0 1 0 6h-4M14.5 15.5L12 18l2.5 2.5M4 18h5',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7.5V12l3 2',
  play: 'M8 5.5v13l10.5-6.5z',
  pause: 'M8 5v14M16 5v14',
  arrowDown: 'M12 5v14M6 13l6 6 6-6',
} as const;

export type LogIconName = keyof typeof paths;

export function LogIcon({ name, size = 14 }: { name: LogIconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name]} />
    </svg>
  );
}
