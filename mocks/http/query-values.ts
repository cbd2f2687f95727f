/** Small conversions of validated query values into engine query fields. */
import { invalidArgument } from './http-error.ts';

/** `''` (Python sends `pageNumber=`) and absent both mean "default". */
export function emptyToUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A comma list, or undefined when empty. */
export function list(value: unknown): string[] | undefined {
  const text = emptyToUndefined(value);
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A page number/size field (string digits per spec, or an integer) as `{ [name]: n }`, or nothing. */
export function pageNumber(name: 'pageNumber' | 'pageSize', value: unknown): Record<string, number> {
  if (typeof value === 'number') return { [name]: value };
  const text = emptyToUndefined(value);
  if (text === undefined) return {};
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw invalidArgument(name, `"${text}" is not a whole number`);
  return { [name]: n };
}
