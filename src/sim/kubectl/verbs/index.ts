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
import { apiResourcesVerb } from './apiResources';
import { apiVersionsVerb } from './apiVersions';
import { clusterInfoVerb } from './clusterInfo';
import { eventsVerb } from './events';
import { explainVerb } from './explain';
import { logsVerb } from './logs';
import { portForwardVerb } from './portForward';
import { topVerb } from './top';
import { versionVerb } from './version';

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
  logsVerb,
  topVerb,
  eventsVerb,
  explainVerb,
  apiResourcesVerb,
  apiVersionsVerb,
  versionVerb,
  clusterInfoVerb,
  portForwardVerb,
];
