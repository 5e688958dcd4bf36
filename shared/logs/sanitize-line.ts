/**
 * Log text is written by whatever runs in a container, so it is hostile until cleaned: escape
 * sequences could recolour or rewrite a terminal (the CLI prints lines) and control characters
 * could break a row in the viewer. After `sanitizeLogText` a line is plain printable text (tabs
 * kept) of bounded length, safe to show anywhere.
 */

/** Longest line Hangar keeps (UTF-16 units); longer lines are cut and flagged `truncated`. */
export const MAX_LINE_CHARS = 16 * 1024;

/* eslint-disable no-control-regex -- matching control characters is this file's job */
/** Terminated strings (OSC, DCS, SOS, PM, APC) are removed with their payload: a title or hyperlink target is not log text. */
const ESC_STRING = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)/g;
/** CSI sequences (colours, cursor moves), 7- and 8-bit. */
const CSI = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]/g;
/** Other escapes: `ESC ( B`, `ESC =`, `ESC 7`, `ESC c`… and a lone string introducer whose terminator never came. */
const ESC_OTHER = /\x1b[ -/]*[0-~]?/g;
/**
 * Everything left that is not printable: C0 controls except tab, DEL, C1 controls, and the bidi
 * overrides/isolates that can make a line display in a different order than it reads.
 */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_WORK = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

/** Sanitised text and whether it was cut. */
export interface SanitizedText {
  text: string;
  truncated: boolean;
}

/**
 * Cleans one line (without its newline). Carriage returns follow a progress bar's logic: the last
 * non-empty segment is what a terminal would end up showing, so `10%\r55%\r100%` → `100%` and a
 * CRLF line loses its CR. The result never exceeds `maxChars` and never ends in half a surrogate pair.
 */
export function sanitizeLogText(raw: string, maxChars: number = MAX_LINE_CHARS): SanitizedText {
  let text = raw;
  if (NEEDS_WORK.test(text)) {
    if (text.includes('\r')) text = lastSegment(text);
    text = text.replace(ESC_STRING, '').replace(CSI, '').replace(ESC_OTHER, '').replace(CONTROL, '');
  }
  if (text.length <= maxChars) return { text, truncated: false };
  return { text: cutAt(text, maxChars), truncated: true };
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function lastSegment(text: string): string {
  const segments = text.split('\r');
  for (let i = segments.length - 1; i >= 0; i -= 1) if ((segments[i] ?? '') !== '') return segments[i] ?? '';
  return '';
}
