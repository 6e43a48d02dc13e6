import { describe, expect, it } from 'vitest';
import { indent, wrap, wrapString } from './wordWrap';

describe('wrapString wraps as go-wordwrap does', () => {
  it.each([
    ['funcs_test: each word on its own line at width 3', 'this is a really good test', 3, 'this\nis\na\nreally\ngood\ntest'],
    ['a line fills up to the limit', 'aaa bbb ccc', 7, 'aaa bbb\nccc'],
    ['a word longer than the limit stays whole', 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources x', 20, 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources\nx'],
    ['spaces at a break are dropped', 'aa   bb', 3, 'aa\nbb'],
  ])('%s', (_, text, limit, want) => {
    expect(wrapString(text, limit)).toBe(want);
  });
});

describe('wrap and indent as explain’s templates use them', () => {
  it('wrap removes line breaks before wrapping (PR 126533), joining paragraphs', () => {
    expect(wrap(76, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Vivamus pulvinar in libero id sagittis. \nAliquam sem enim.')).toBe(
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Vivamus pulvinar in\nlibero id sagittis. Aliquam sem enim.',
    );
  });

  it('indent pads every line', () => {
    expect(indent(4, 'a\nb')).toBe('    a\n    b');
  });
});
