// Mirrors k8s.io/kubectl/pkg/cmd/create/create.go (NewCmdCreate, ValidateArgs, RunCreate): `kubectl create -f NAME`
// creates every object of an editor tab, and its subcommands generate objects from flags. Leaves out --edit, --raw,
// --save-config, --dry-run, -l and the generators Kubeplay does not have (configmap, secret, job, rbac, ...).
import { StatusError } from '../../api/statusError';
import { strictDecode } from '../../apply/strictDecode';
import { renderVerbHelp } from '../help';
import { namespaceOf, usageError, errorText, type KubectlResult, type Verb } from '../verb';
import { createDeploymentVerb } from './createDeployment';
import { createNamespaceVerb } from './createNamespace';
import { createServiceVerb } from './createService';
import { filenameFlag, manifestNamespace, readManifests } from './manifests';
import { aggregateResult, kubectlWrite, outputFlag, printOperation, qualifiedName } from './operation';

export const createVerb: Verb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  group: 'Basic Commands (Beginner)',
  use: 'create -f FILENAME',
  example: ['  # Create a pod using the data in pod.json', '  kubectl create -f ./pod.json'].join('\n'),
  flags: [filenameFlag('to use to create the resource'), outputFlag],
  subcommands: [createDeploymentVerb, createNamespaceVerb, createServiceVerb],
  run(ctx, args) {
    const filenames = args.strings('filename');
    if (filenames.length === 0) return missingFilename(args.positionals);
    if (args.positionals.length > 0) throw usageError('kubectl create', `Unexpected args: [${args.positionals.join(' ')}]`);
    const namespace = namespaceOf(ctx, args);
    let stdout = '';
    const errors: unknown[] = [];
    let count = 0;
    for (const filename of filenames) {
      const entries = readManifests(ctx, filename);
      entries.forEach((entry, index) => {
        if ('error' in entry) {
          errors.push(entry.error);
          return;
        }
        const { spec, object } = entry;
        const source = (err: StatusError) =>
          err.reason === 'Invalid' ? err : new StatusError(err.reason, `error when creating ${JSON.stringify(filename)}: ${err.message}`, err.causes, err.details);
        const decoded = strictDecode(object, String(object.apiVersion), spec.kind);
        if (decoded.message) {
          errors.push(source(new StatusError('BadRequest', decoded.message)));
          return;
        }
        const name = object.metadata.name ?? '';
        const reason = `kubectl create -f ${filename}: object ${index + 1} of ${entries.length} in the file, ${qualifiedName(spec, name)}, did not exist and is created`;
        try {
          const created = ctx.client.create({ ...object, metadata: { ...object.metadata, namespace: manifestNamespace(spec, object, namespace) } }, kubectlWrite(reason));
          count++;
          stdout += printOperation(args.string('output'), spec, created, 'created');
        } catch (err) {
          if (!(err instanceof StatusError)) throw err;
          errors.push(source(err));
        }
      });
    }
    if (count === 0 && errors.length === 0) errors.push(new Error('no objects passed to create'));
    return aggregateResult(stdout, errors);
  },
};

/**
 * missingFilename is create's Run without -f: `Error: must specify one of -f and -k`, then the help (or, with
 * arguments, DefaultSubCommandRun's `unknown command`).
 */
function missingFilename(positionals: readonly string[]): KubectlResult {
  const head = 'Error: must specify one of -f and -k\n\n';
  if (positionals.length > 0) {
    const err = usageError('kubectl create', `unknown command ${JSON.stringify(positionals.join(' '))}`);
    return { stdout: '', stderr: `${head}${errorText(err)}\n`, exitCode: 1 };
  }
  return { stdout: '', stderr: head + renderVerbHelp('kubectl create', createVerb), exitCode: 1 };
}
