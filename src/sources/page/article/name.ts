/**
 * What a person's name looks like in a Chinese news byline: 2–4 Han characters (张伟, 欧阳晓明) or one short
 * Latin word (kingname), several of them separated by spaces or 、 (`汤诗瑶、丁涛`, `John Smith`). A name ends
 * where the next character is neither a letter nor a digit (`杨倩_NF4425` gives 杨倩, `HN666` is no name),
 * or where the next byline label starts (`张三来源：人民网` gives 张三). Words that are labels themselves
 * (来源, 编辑…) are never names.
 */

/** Labels that follow a name on the same byline line. */
const NEXT_LABEL =
  '来源|发布|时间|日期|责任编辑|责编|编辑|通讯员|实习生|记者|作者|摄影|校对|审核|出处|原标题';
const HAN_NAME = '\\p{Script=Han}{2,4}?';
const LATIN_NAME = "[A-Za-z][A-Za-z.'’-]{1,19}?";
const ONE_NAME = `(?!${NEXT_LABEL})(?:${HAN_NAME}|${LATIN_NAME})(?=${NEXT_LABEL}|[^\\p{L}\\p{N}]|$)`;

/** A regular-expression source matching one or more names (no capture group of its own). */
export const NAMES = `${ONE_NAME}(?:[ \\t\\u3000、]+${ONE_NAME}){0,3}`;

/** `names` as matched, with runs of spaces (full-width included) folded into one. */
export function foldNames(names: string): string {
  return names.replace(/[ \t\u3000]+/gu, ' ').trim();
}
