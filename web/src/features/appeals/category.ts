/**
 * The printed name of an appeal's category. Appeal intake files an appeal under the department category the
 * appeal detector chose (人社, 住建 …); appeals filed by hand may carry a topic category of the taxonomy
 * instead, so both vocabularies are tried before the raw key is shown.
 */
export function appealCategoryLabel(
  label: (prefix: string, value: string) => string,
  category: string,
): string {
  const department = label('appeals.category', category);
  return department !== category ? department : label('items.category', category);
}
