// Text as an export writes it. A stored answer may hold characters a spreadsheet cannot show or a
// file cannot carry: NUL and the other C0 controls (XLSX is XML 1.0, which forbids them, and exceljs
// drops them silently), DEL and C1 controls, U+FFFE/U+FFFF, lone surrogates (UTF-8 cannot encode
// them: they would become U+FFFD). Each is written as a visible stand-in instead, so a cell never
// holds a raw control character and still shows that one was there. TAB, LF and CR are text
// (observations have line breaks) and stay.

const unwritable =
  // eslint-disable-next-line no-control-regex -- the control characters are what this matches
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `␀` (U+2400…U+241F) for a C0 control, `␡` for DEL, `[U+XXXX]` for anything else unwritable. */
function standIn(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** The text with every character no export may write replaced by its visible stand-in. */
export function writableText(text: string): string {
  return text.replace(unwritable, standIn);
}
