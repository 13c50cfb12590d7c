/**
 * The parsed form of a monitoring-scheme expression (DESIGN.md §5). Every node keeps the character span
 * it came from in the expression as written, so that later errors (a term with no searchable words) can
 * point at it.
 */

/** Where a node sits in the expression: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** A word or a quoted phrase, as written (not yet normalised). */
export interface TermNode extends SourceSpan {
  type: 'term';
  text: string;
  quoted: boolean;
}

/** All children must match (`+` or whitespace). */
export interface AndNode extends SourceSpan {
  type: 'and';
  children: ExpressionNode[];
}

/** Any child must match (`|`). */
export interface OrNode extends SourceSpan {
  type: 'or';
  children: ExpressionNode[];
}

/** `include` must match and `exclude` must not (`include - exclude`). */
export interface ExceptNode extends SourceSpan {
  type: 'except';
  include: ExpressionNode;
  exclude: ExpressionNode;
}

/** `NEAR/n(left, right)`: both terms occur with at most `distance` characters between them. */
export interface NearNode extends SourceSpan {
  type: 'near';
  left: TermNode;
  right: TermNode;
  distance: number;
}

/** A node of the expression tree. */
export type ExpressionNode = TermNode | AndNode | OrNode | ExceptNode | NearNode;

/** Every term of the tree in reading order, excluded ones included (for dictionaries and pre-filters). */
export function termsOf(node: ExpressionNode): TermNode[] {
  switch (node.type) {
    case 'term':
      return [node];
    case 'and':
    case 'or':
      return node.children.flatMap(termsOf);
    case 'except':
      return [...termsOf(node.include), ...termsOf(node.exclude)];
    case 'near':
      return [node.left, node.right];
  }
}
