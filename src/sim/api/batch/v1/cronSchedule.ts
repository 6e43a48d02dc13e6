// Mirrors github.com/robfig/cron/v3 parser.go ParseStandard (the parser CronJob validation and the CronJob
// controller use): five fields or a descriptor, with upstream's error wording. Leaves out `@every <duration>`
// (constant-delay schedules, reported here as an unrecognized descriptor); a TZ=/CRON_TZ= prefix is skipped
// without checking the zone (CronJob validation rejects the prefix anyway).

/** Bounds of each field: minute, hour, day of month, month, day of week. */
interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELD_BOUNDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

/** Descriptors ParseStandard accepts, as the five fields they stand for. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** CronSchedule is a parsed five-field schedule: the set of allowed values of each field. */
export interface CronSchedule {
  minute: ReadonlySet<number>;
  hour: ReadonlySet<number>;
  dayOfMonth: ReadonlySet<number>;
  month: ReadonlySet<number>;
  dayOfWeek: ReadonlySet<number>;
  /** True when day of month or day of week was `*` or `?` (robfig's starBit): cron then ANDs nothing with it. */
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
}

class CronError extends Error {}

/** goAtoi is strconv.Atoi for what cron fields hold, with its error text. */
function goAtoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new CronError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

function mustParseInt(s: string): number {
  const n = goAtoi(s);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${s}`);
  return n;
}

function parseIntOrName(s: string, names: Record<string, number> | undefined): number {
  const named = names?.[s.toLowerCase()];
  return named !== undefined ? named : mustParseInt(s);
}

/** getRange is robfig's getRange: `*`, `?`, `a`, `a-b`, each with an optional `/step`. */
function getRange(expr: string, b: Bounds, out: Set<number>): boolean {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, b.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    // "N/step" means "N-max/step".
    if (singleDigit) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new CronError(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) out.add(v);
  return star;
}

function getField(field: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',')) star = getRange(expr, b, values) || star;
  return { values, star };
}

/**
 * parseStandardSchedule is cron.ParseStandard: it returns the schedule, or throws an Error whose message is the
 * one the API server puts after `spec.schedule: Invalid value: "...": `.
 */
export function parseStandardSchedule(spec: string): CronSchedule {
  if (spec.length === 0) throw new Error('empty spec string');
  let text = spec;
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
    const space = text.indexOf(' ');
    text = space < 0 ? '' : text.slice(space).trim();
  }
  if (text.startsWith('@')) {
    const expanded = DESCRIPTORS[text];
    if (!expanded) throw new Error(`unrecognized descriptor: ${text}`);
    text = expanded;
  }
  const fields = text.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  try {
    const parsed = fields.map((f, i) => getField(f, FIELD_BOUNDS[i]!));
    return {
      minute: parsed[0]!.values,
      hour: parsed[1]!.values,
      dayOfMonth: parsed[2]!.values,
      month: parsed[3]!.values,
      dayOfWeek: parsed[4]!.values,
      dayOfMonthStar: parsed[2]!.star,
      dayOfWeekStar: parsed[4]!.star,
    };
  } catch (err) {
    if (err instanceof CronError) throw new Error(err.message);
    throw err;
  }
}
