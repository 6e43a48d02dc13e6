// Mirrors k8s.io/kubectl/pkg/cmd/explain/explain.go (arguments, errors) with the plaintext renderer of
// pkg/explain/v2 (explain/schema.ts). Leaves out --output=plaintext-openapiv2 (the pre-1.27 layout) and explaining
// another version than the one served (--api-version must name it).
import { apiVersionOf } from '../../kinds/kindSpec';
import type { ParsedArgs } from '../commandLine';
import { FieldNotFound, kindSchema, renderSchema } from '../explain/schema';
import { resolveResourceType } from '../resourceArgs';
import { errorText, KubectlError, ok, usageError, type KubectlContext, type KubectlResult, type Verb } from '../verb';

export const explainVerb: Verb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: [
    'Describe fields and structure of various resources.',
    '',
    ' This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:',
    '',
    '        <type>.<fieldName>[.<fieldName>]',
    '',
    ' Information about each field is retrieved from the server in OpenAPI format.',
    '',
    'Use "kubectl api-resources" for a complete list of supported resources.',
  ].join('\n'),
  group: 'Basic Commands (Intermediate)',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  example: [
    '  # Get the documentation of the resource and its fields',
    '  kubectl explain pods',
    '',
    '  # Get all the fields in the resource',
    '  kubectl explain pods --recursive',
    '',
    '  # Get the explanation for deployment in supported api versions',
    '  kubectl explain deployments --api-version=apps/v1',
    '',
    '  # Get the documentation of a specific field of a resource',
    '  kubectl explain pods.spec.containers',
  ].join('\n'),
  flags: [
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', shorthand: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run: runExplain,
};

function runExplain(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  if (args.positionals.length === 0) {
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        `${errorText(usageError('kubectl explain', 'Required resource not specified.'))}\n`,
      exitCode: 1,
    };
  }
  if (args.positionals.length > 1) throw usageError('kubectl explain', 'We accept only this format: explain RESOURCE\n');
  const output = args.string('output');
  if (output !== 'plaintext') throw new KubectlError(`unsupported output format: ${output}; Kubeplay prints plaintext`);
  const [resource = '', ...path] = args.positionals[0]!.split('.');
  const spec = resolveResourceType(ctx.registry, resource);
  const apiVersion = args.string('api-version');
  if (apiVersion && apiVersion !== apiVersionOf(spec)) {
    throw new KubectlError(`couldn't find resource for "${apiVersion}, Resource=${spec.plural}"`);
  }
  const schema = kindSchema(spec.kind);
  if (!schema) throw new KubectlError(`GVR (${apiVersionOf(spec)}, Resource=${spec.plural}) not found in OpenAPI schema`);
  const header = `${spec.group ? `GROUP:      ${spec.group}\n` : ''}KIND:       ${spec.kind}\nVERSION:    ${spec.version}\n\n`;
  try {
    return ok(`${header}${renderSchema(schema, path, args.bool('recursive'))}\n`);
  } catch (err) {
    if (err instanceof FieldNotFound) throw new KubectlError(err.message);
    throw err;
  }
}
