// Mirrors the text helpers of kubectl explain's templates (k8s.io/kubectl/pkg/explain/v2/funcs.go `wrap` and
// `indent`), `wrap` being github.com/mitchellh/go-wordwrap WrapString behind kubectl's term.NewWordWrapWriter.

/**
 * wrap is explain's `wrap`: line breaks are removed first (kubectl ≥ 1.32 reflows descriptions, joining paragraphs
 * without a space), then words are wrapped at `limit` characters; a word longer than the limit stays whole.
 */
export function wrap(limit: number, text: string): string {
  return wrapString(text.replaceAll('\n', ''), limit);
}

/** indent is explain's `indent`: the pad before the text and after every line break in it. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
}

const NBSP = '\u00a0';

/** wrapString is go-wordwrap's WrapString, rune by rune. */
export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const length = (t: string) => [...t].length;
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + length(space) > limit) current = 0;
        else out += space;
      } else {
        out += space + word;
        word = '';
      }
      space = '';
      out += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== NBSP) {
      if (space.length === 0 || word.length > 0) {
        current += length(space) + length(word);
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + length(space) + length(word) > limit && length(word) < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + length(space) <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
