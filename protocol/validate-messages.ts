/**
 * Ajv errors → the wording clients see in `400 InvalidArgument` messages: the element path from
 * the root element (`Request.Operation.FileCompressConfig.Format`; repeated elements carry a
 * 1-based index like XPath, `KeyConfig[3].Key`) and the rule in plain words.
 */
import type { ErrorObject } from 'ajv';

/** Where the defect is and what rule it breaks. */
export interface ValidationIssue { path: string; rule: string }

/** Renders one Ajv error; `allowedTags` answers the accepted values of a failed discriminator. */
export function describeAjvError(error: ErrorObject, root: string, allowedTags: (error: ErrorObject) => string[]): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const child = childElement(error.keyword, params);
  if (child !== undefined) segments.push(child);
  return { path: elementPath(root, segments), rule: rule(error, params, allowedTags) };
}

function childElement(keyword: string, params: Record<string, unknown>): string | undefined {
  if (keyword === 'required' || keyword === 'dependentRequired') return String(params.missingProperty);
  if (keyword === 'discriminator') return String(params.tag);
  if (keyword === 'additionalProperties') return String(params.additionalProperty);
  return undefined;
}

function elementPath(root: string, segments: string[]): string {
  let path = root;
  for (const segment of segments) path += /^\d+$/.test(segment) ? `[${Number(segment) + 1}]` : `.${segment}`;
  return path;
}

const typeWords: Record<string, string> = {
  string: 'must be text, not elements',
  integer: 'must be an integer',
  number: 'must be a number',
  boolean: 'must be true or false',
  object: 'must be a container element',
  array: 'must be a list of elements',
};

function rule(error: ErrorObject, params: Record<string, unknown>, allowedTags: (error: ErrorObject) => string[]): string {
  switch (error.keyword) {
    case 'required': return 'is required';
    case 'dependentRequired': return `is required when ${String(params.property)} is present`;
    case 'enum': return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const': return `must be ${String(params.allowedValue)}`;
    case 'type': return typeWords[String(params.type)] ?? `must be ${String(params.type)}`;
    case 'maxItems': return `must have at most ${String(params.limit)} items`;
    case 'minItems': return `must have at least ${String(params.limit)} items`;
    case 'maxLength': return `must be at most ${String(params.limit)} characters long`;
    case 'minLength': return `must be at least ${String(params.limit)} characters long`;
    case 'pattern': return `must match the pattern ${String(params.pattern)}`;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'additionalProperties': return 'is not allowed here';
    case 'discriminator':
      return params.error === 'tag' ? 'is required' : `must be one of ${allowedTags(error).join(', ')}`;
    default: return error.message ?? `fails the ${error.keyword} rule`;
  }
}
