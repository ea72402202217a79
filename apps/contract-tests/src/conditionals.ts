// The one `allOf` shape the spec uses: if/then/else rules tying an optional property to a switch
// (BSS PayOrders: `use_coupon: "YES"` requires `coupon_infos`, any other value refuses it). The
// engine reads them as data; any other use of allOf still fails loudly, untested constructs
// must not pass silently.
import type { JsonSchema } from './json-schema.js';

export interface Conditional {
  /** The property whose value decides, e.g. `use_coupon`. */
  switchName: string;
  /** The value that turns the dependent property on, e.g. `"YES"`. */
  switchValue: unknown;
  /** Required when the switch is on, refused (`not: {}`) otherwise, e.g. `coupon_infos`. */
  dependent: string;
}

function conditionalOf(member: JsonSchema): Conditional | undefined {
  const test = member['if'] as JsonSchema | undefined;
  const then = member['then'] as JsonSchema | undefined;
  const otherwise = member['else'] as JsonSchema | undefined;
  if (!test || !then || !otherwise) return undefined;
  const switches = Object.entries(test.properties ?? {});
  const required = then.required ?? [];
  const refused = Object.entries(otherwise.properties ?? {});
  if (switches.length !== 1 || required.length !== 1 || refused.length !== 1) return undefined;
  const [switchName, switchSchema] = switches[0]!;
  const [dependent, refusal] = refused[0]!;
  if (!('const' in switchSchema) || !(test.required ?? []).includes(switchName)) return undefined;
  const not = refusal['not'];
  if (dependent !== required[0] || typeof not !== 'object' || Object.keys(not ?? {}).length > 0)
    return undefined;
  return { switchName, switchValue: switchSchema['const'], dependent };
}

/** The schema's conditional rules; throws when its allOf holds anything else. */
export function conditionalsOf(schema: JsonSchema): Conditional[] {
  return (schema.allOf ?? []).map((member) => {
    const conditional = conditionalOf(member);
    if (!conditional)
      throw new Error('allOf other than a switch/dependent if-then-else is not modelled');
    return conditional;
  });
}

/** Whether the rule's switch is on in this object. */
export const isOn = (c: Conditional, object: Record<string, unknown>) =>
  c.switchName in object && object[c.switchName] === c.switchValue;

/**
 * Makes an object obey its rules: a dependent is added (from `fill`) where its switch is on and
 * dropped where it is off.
 */
export function obeyConditionals(
  conditionals: readonly Conditional[],
  object: Record<string, unknown>,
  fill: (name: string) => unknown,
): Record<string, unknown> {
  const result = { ...object };
  for (const c of conditionals) {
    if (!isOn(c, result)) delete result[c.dependent];
    else if (!(c.dependent in result)) result[c.dependent] = fill(c.dependent);
  }
  return result;
}
