/**
 * kubectl's resource-argument errors, in its exact words (cli-runtime's builder.go and the
 * verbs' Validate steps). Every verb that resolves objects throws these; none spells them itself.
 * kubectl names itself by os.Args[0] in its examples, so ours say `ktl`.
 */
import { CliError, PlainError, UsageError } from '../../errors/errors.js';

/** resource.Builder's error when a command that needs objects was given none. */
export class NoResourcesError extends CliError {
  constructor() {
    super(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
}

/** `get` without a type (kubectl's first line has no "error:" prefix). */
export class MissingResourceTypeError extends UsageError {
  constructor() {
    super(
      'You must specify the type of resource to get. Use "ktl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "ktl explain <resource>" for a detailed description of that resource (e.g. ktl explain pods).',
      'ktl get',
      '',
    );
  }
}

/** `describe` without a type. */
export function describeTypeRequired(): PlainError {
  return new PlainError(
    'You must specify the type of resource to describe. Use "ktl api-resources" for a complete list of supported resources.',
  );
}

/** `rollout SUBCOMMAND` without a resource. */
export function rolloutResourceRequired(): PlainError {
  return new PlainError('required resource not specified');
}

/** `label`/`annotate` without a resource. */
export function labelResourcesRequired(): PlainError {
  return new PlainError(
    'one or more resources must be specified as <resource> <name> or <resource>/<name>',
  );
}

/** `TYPE TYPE/NAME` mixed (builder.go's hasCombinedTypeArgs). */
export function mixedResourceForms(): PlainError {
  return new PlainError(MIXED_FORMS);
}

const MIXED_FORMS =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'ktl get resource/<resource_name>' instead of 'ktl get resource resource/<resource_name>'";

/** `TYPE/` with no name. */
export function resourceNameFormIncomplete(): PlainError {
  return new PlainError('arguments in resource/name form must have a single resource and name');
}

/** --subresource with a type to list (builder.go's visitBySelector). */
export function subresourceWithBulk(): PlainError {
  return new PlainError('subresource cannot be used when bulk resources are specified');
}

/** A type without a name, and nothing selecting objects of it. */
export function noNameSpecified(): PlainError {
  return new PlainError('resource(s) were provided, but no name was specified');
}

/** Names together with -l or --field-selector. */
export function namesWithSelector(): PlainError {
  return new PlainError('name cannot be provided when a selector is specified');
}

/** -l / --all with no type. */
export function selectorNeedsResource(): PlainError {
  return new PlainError('at least one resource must be specified to use a selector');
}

/** -l / --all with TYPE/NAME arguments. */
export function selectorWithNameForm(): PlainError {
  return new PlainError(
    'selectors and the all flag cannot be used when passing resource/name arguments',
  );
}

/** --all together with -l. */
export function allWithSelector(): PlainError {
  return new PlainError('cannot set --all and --selector at the same time');
}

/** --all together with --field-selector. */
export function allWithFieldSelector(): PlainError {
  return new PlainError('cannot set --all and --field-selector at the same time');
}

/** delete's check of --all against any selector (its trailing space is kubectl's). */
export function allWithNonEmptySelector(): PlainError {
  return new PlainError("setting 'all' parameter but found a non empty selector. ");
}

/** Resource arguments beside -f. */
export function argsWithFilenames(): PlainError {
  return new PlainError(
    'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
  );
}

/** TYPE/NAME arguments beside -f (visitByPaths' check of resource tuples). */
export function tuplesWithFilenames(): PlainError {
  return new PlainError('resource/name arguments cannot be provided when a path is specified');
}

/** Names (TYPE NAME or TYPE/NAME) with -A. */
export function namesAcrossNamespaces(): PlainError {
  return new PlainError('a resource cannot be retrieved by name across all namespaces');
}

/** `get -w` over several types with names. */
export function singleResourceTypeOnly(): PlainError {
  return new PlainError('you may only specify a single resource type');
}

/** Both -f and -k (FilenameOptions.validate). */
export function filenamesWithKustomize(): PlainError {
  return new PlainError('only one of -f or -k can be specified');
}

/** -k with -R (FilenameOptions.validate). */
export function kustomizeWithRecursive(): PlainError {
  return new PlainError("the -k flag can't be used with -f or -R");
}

/** An object from -f whose namespace differs from an explicit -n. */
export function namespaceMismatch(own: string, requested: string): PlainError {
  return new PlainError(
    `the namespace from the provided object "${own}" does not match the namespace "${requested}". You must pass '--namespace=${own}' to perform this operation.`,
  );
}

/** A -l that labels.Parse refuses. */
export function invalidSelector(selector: string, reason: string): PlainError {
  return new PlainError(`the provided selector "${selector}" is not valid: ${reason}`);
}

/** Result.Watch over several named objects. */
export function watchNeedsOneResource(): PlainError {
  return new PlainError(
    'watch is only supported on individual resources and resource collections, but multiple resources were found',
  );
}

/** resource.LocalResourceError: resource arguments given with --local. */
export function localResourceError(): PlainError {
  return new PlainError(
    "you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
  );
}
