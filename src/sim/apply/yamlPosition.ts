import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { segmentName, type PathSegment } from '../api/fieldError';

/** SourcePosition is a 1-based line and column in the text the user pasted. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * locate finds where a field path lives in a parsed YAML document: the key of the deepest field of `path` that the
 * user wrote (a defaulted field the user never wrote points at its nearest written parent).
 */
export function locate(doc: Document, path: readonly PathSegment[], lines: LineCounter): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    const seg = segmentName(segment);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : position(offset, lines);
}

/** position converts a character offset into a line and column. */
export function position(offset: number, lines: LineCounter): SourcePosition {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | undefined)?.range?.[0];
}
