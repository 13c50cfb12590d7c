/**
 * A tiny JSONPath-like getter for comment APIs: dotted names with `[n]` indices, an optional leading `$`
 * (`$.data.comments`, `user.name`, `list[0].replies`, `data.items[2].id`). Nothing fancier: no wildcards,
 * filters or recursive descent.
 */
import { AppError } from '../../platform/errors.js';

type Step = string | number;

/** The steps of `path`; throws SOURCE_CONFIG_INVALID for a malformed one. */
export function parsePath(path: string): Step[] {
  const body = path.trim().replace(/^\$\.?/u, '');
  if (body === '') return [];
  const steps: Step[] = [];
  for (const segment of body.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/u.exec(segment);
    if (!match || (match[1] === '' && match[2] === '')) {
      throw new AppError('SOURCE_CONFIG_INVALID', `bad path "${path}" at "${segment}"`, { path });
    }
    if (match[1]) steps.push(match[1]);
    for (const index of match[2]?.matchAll(/\[(\d+)\]/gu) ?? []) steps.push(Number(index[1]));
  }
  return steps;
}

/** The value at `path` in `value`, or undefined when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const step of parsePath(path)) {
    if (typeof step === 'number') {
      current = Array.isArray(current) ? current[step] : undefined;
    } else if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
      current = (current as Record<string, unknown>)[step];
    } else {
      return undefined;
    }
  }
  return current;
}
