// The verbs runKubectl knows, one file each (README.md: adding a verb is adding a file and a line here).
import type { Verb } from '../verb';
import { getVerb } from './get';
import { annotateVerb } from './annotate';
import { applyVerb } from './apply';
import { cordonVerb, uncordonVerb } from './cordon';
import { createVerb } from './create';
import { deleteVerb } from './delete';
import { describeVerb } from './describe';
import { drainVerb } from './drain';
import { exposeVerb } from './expose';
import { labelVerb } from './label';
import { rolloutVerb } from './rollout';
import { runVerb } from './run';
import { scaleVerb } from './scale';
import { setVerb } from './set';
import { taintVerb } from './taint';

/** VERBS lists every kubectl command Kubeplay simulates. */
export const VERBS: readonly Verb[] = [
  getVerb,
  describeVerb,
  applyVerb,
  createVerb,
  exposeVerb,
  runVerb,
  deleteVerb,
  scaleVerb,
  setVerb,
  labelVerb,
  annotateVerb,
  taintVerb,
  cordonVerb,
  uncordonVerb,
  drainVerb,
  rolloutVerb,
];
