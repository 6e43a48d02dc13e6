// Mirrors ValidateTolerations, validateTaintEffect and validateNodeTaints in pkg/apis/core/validation/validation.go.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { validateLabelName } from '../../../meta/v1/validation';
import { isValidLabelValue } from '../../../validation/names';
import { GoValue, goQuote } from './goValue';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect is validateTaintEffect: one of NoSchedule, PreferNoSchedule, NoExecute (or empty if allowed). */
export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: PathSegment[]): FieldError[] {
  if (!allowEmpty && !effect) return [fieldErrors.required(path)];
  return TAINT_EFFECTS.includes(effect ?? '') ? [] : [fieldErrors.notSupported(path, effect ?? '', TAINT_EFFECTS)];
}

/**
 * Frozen tolerations, and frozen lists of them, known valid. Every pod carries the two DefaultTolerationSeconds adds,
 * shared and frozen (most pods as one shared list), and validity depends on nothing but the toleration or list; a
 * frozen one is part of a stored object or a constant, frozen to its leaves, and cannot change.
 */
const known = new WeakSet<object>();

/**
 * validateTolerations is ValidateTolerations: an empty key needs operator Exists, tolerationSeconds only with
 * NoExecute, Exists carries no value, Equal carries a valid label value.
 */
export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: PathSegment[]): FieldError[] {
  if (tolerations && known.has(tolerations)) return [];
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    if (known.has(t)) return;
    const found = errs.length;
    validateToleration(t, [...path, i], errs);
    if (errs.length === found && Object.isFrozen(t)) known.add(t);
  });
  if (errs.length === 0 && Array.isArray(tolerations) && Object.isFrozen(tolerations)) known.add(tolerations);
  return errs;
}

function validateToleration(t: Toleration, idx: PathSegment[], errs: FieldError[]): void {
  if (t.key) errs.push(...validateLabelName(t.key, [...idx, 'key']));
  if (!t.key && t.operator !== 'Exists') {
    errs.push(fieldErrors.invalid([...idx, 'operator'], t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    errs.push(fieldErrors.invalid([...idx, 'effect'], t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  switch (t.operator ?? '') {
    case 'Equal':
    case '': {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length > 0) errs.push(fieldErrors.invalid([...idx, 'operator'], t.value ?? '', msgs.join(';')));
      break;
    }
    case 'Exists':
      if (t.value) errs.push(fieldErrors.invalid([...idx, 'operator'], t.value, "value must be empty when `operator` is 'Exists'"));
      break;
    default:
      errs.push(fieldErrors.notSupported([...idx, 'operator'], t.operator ?? '', ['Equal', 'Exists']));
  }
  if (t.effect) errs.push(...validateTaintEffect(t.effect, true, [...idx, 'effect']));
}

/** validateNodeTaints is validateNodeTaints: valid key, value and effect, unique by key and effect. */
export function validateNodeTaints(taints: readonly Taint[] | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const idx = [...path, i];
    errs.push(...validateLabelName(t.key, [...idx, 'key']));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length > 0) errs.push(fieldErrors.invalid([...idx, 'value'], t.value ?? '', msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, [...idx, 'effect']));
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) {
      errs.push({ ...fieldErrors.duplicate(idx, goTaint(t)), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    seen.add(id);
  });
  return errs;
}

/** goTaint prints a core.Taint as %#v does; a set timeAdded is a pointer, printed with a stand-in address. */
function goTaint(t: Taint): GoValue {
  const time = t.timeAdded ? '(*v1.Time)(0xc000000000)' : '(*v1.Time)(nil)';
  return new GoValue(t, `core.Taint{Key:${goQuote(t.key)}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect)}, TimeAdded:${time}}`);
}
