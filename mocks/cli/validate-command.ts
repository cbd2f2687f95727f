import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cosCiValidator, jdcloudValidator } from '../../protocol/validate.ts';

// Schema names are user input here, so the per-document schema typing is erased on purpose.
type UntypedParse = (xml: string, schemaName: string) => ReturnType<typeof cosCiValidator.parseBody>;
const validators: Record<string, { parseBody: UntypedParse } | undefined> = {
  'cos-ci': cosCiValidator as unknown as { parseBody: UntypedParse },
  jdcloud: jdcloudValidator as unknown as { parseBody: UntypedParse },
};

const help = `Usage: fileproc validate <file.xml> --schema <ComponentName> [--api cos-ci|jdcloud]

Decodes the XML body with the spec-driven codec and validates it against the named component
schema of the bundled spec (e.g. SubmitJobRequest, DescribeJobsResponse, Error, CompressRequest).
Prints the decoded value as JSON on success. Exit 0 valid, 1 invalid, 2 usage error.`;

/** `fileproc validate`: checks one XML body against a component schema of the contract. */
export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { schema: { type: 'string' }, api: { type: 'string', default: 'cos-ci' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const [file] = positionals;
  const validator = validators[values.api ?? ''];
  if (!file || !values.schema || !validator) {
    console.error(`[fileproc] validate needs a file, --schema and --api cos-ci|jdcloud.\n${help}`);
    return 2;
  }
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`[fileproc] cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  let result;
  try {
    result = validator.parseBody(xml, values.schema);
  } catch (error) {
    console.error(`[fileproc] ${(error as Error).message}`);
    return 2;
  }
  if (!result.ok) {
    console.error(`${file}: ${result.code}: ${result.message}`);
    return 1;
  }
  console.log(JSON.stringify(result.value, null, 2));
  return 0;
}
