// Go's %#v text for the bad values upstream prints that way (field/errors.go ErrorBody).
import { describe, expect, it } from 'vitest';
import { goIntOrString, goLabelSelector, goStringMap, goStringSlice } from './goValue';

describe('Go syntax of bad values', () => {
  it.each<[string, { toString(): string }, string]>([
    ['a label map sorts its keys', goStringMap({ tier: 'web', app: 'x' }), 'map[string]string{"app":"x", "tier":"web"}'],
    ['a missing map is nil', goStringMap(undefined), 'map[string]string(nil)'],
    ['an empty map is empty, not nil', goStringMap({}), 'map[string]string{}'],
    ['a string slice', goStringSlice(['10.96.0.10']), '[]string{"10.96.0.10"}'],
    ['an IntOrString holding an int', goIntOrString(0), 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}'],
    ['an IntOrString holding a string', goIntOrString('1'), 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"1"}'],
    ['a label selector with match labels', goLabelSelector({ matchLabels: { app: 'web' } }),
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}'],
    ['a label selector with an expression', goLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }),
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}'],
  ])('%s', (_name, value, want) => expect(String(value)).toBe(want));

  it('serialises to the plain value', () => expect(JSON.stringify(goStringMap({ app: 'x' }))).toBe('{"app":"x"}'));
});
