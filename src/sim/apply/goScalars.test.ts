import { describe, expect, it } from 'vitest';
import { QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX, base64Error, quantityError, timeError, type TimeLayout } from './goScalars';

describe('quantityError', () => {
  const cases: { name: string; input: string; error: string | undefined }[] = [
    { name: 'Millicores parse', input: '100m', error: undefined },
    { name: 'A binary suffix parses', input: '1Gi', error: undefined },
    { name: 'A decimal fraction without suffix parses', input: '0.5', error: undefined },
    { name: 'A leading dot parses', input: '.5', error: undefined },
    { name: 'A signed decimal exponent parses', input: '1e+3', error: undefined },
    { name: 'A string of zeros parses', input: '000', error: undefined },
    { name: 'The empty string does not match the quantity pattern', input: '', error: QUANTITY_FORMAT_WRONG },
    { name: 'Letters alone do not match the quantity pattern', input: 'lots', error: QUANTITY_FORMAT_WRONG },
    { name: 'A trailing letter outside the suffix set does not match the pattern', input: '1Gb', error: QUANTITY_FORMAT_WRONG },
    { name: 'Two decimal points do not match the pattern', input: '1.2.3', error: QUANTITY_FORMAT_WRONG },
    { name: 'Suffix letters that form no suffix are a suffix error', input: '1kk', error: QUANTITY_SUFFIX },
    { name: 'A bare exponent letter is a suffix error', input: '5e', error: QUANTITY_SUFFIX },
    { name: 'An exponent with no digits before it is a numeric error', input: 'e-10', error: QUANTITY_NUMERIC },
  ];
  it.each(cases)('$name', ({ input, error }) => {
    expect(quantityError(input)).toBe(error);
  });
});

describe('base64Error', () => {
  const cases: { name: string; input: string; error: string | undefined }[] = [
    { name: 'Padded base64 decodes', input: 'aGVsbG8=', error: undefined },
    { name: 'Newlines inside base64 are skipped', input: 'aGVs\nbG8=\n', error: undefined },
    { name: 'Plain text fails at the first incomplete quantum', input: 'hello', error: 'illegal base64 data at input byte 4' },
    { name: 'Missing padding fails where the last quantum starts', input: 'aGVsbG8', error: 'illegal base64 data at input byte 4' },
    { name: 'A space is an illegal byte', input: 'aGVs bG8=', error: 'illegal base64 data at input byte 4' },
    { name: 'Padding after one character is illegal', input: 'a===', error: 'illegal base64 data at input byte 1' },
    { name: 'Data after the padding is trailing garbage', input: 'aGk=aGk=', error: 'illegal base64 data at input byte 4' },
    { name: 'Offsets count UTF-8 bytes', input: 'é', error: 'illegal base64 data at input byte 0' },
  ];
  it.each(cases)('$name', ({ input, error }) => {
    expect(base64Error(input)).toBe(error);
  });
});

describe('timeError', () => {
  const rfc3339 = '"2006-01-02T15:04:05Z07:00"';
  const cases: { name: string; input: string; layout: TimeLayout; error: string | undefined }[] = [
    { name: 'A UTC timestamp parses', input: '2024-05-01T10:00:00Z', layout: 'RFC3339', error: undefined },
    { name: 'A fraction and an offset parse', input: '2024-05-01T10:00:00.123+02:00', layout: 'RFC3339', error: undefined },
    { name: 'A leap day parses in a leap year', input: '2024-02-29T00:00:00Z', layout: 'RFC3339', error: undefined },
    {
      name: 'A date without a time cannot parse the T',
      input: '2024-05-01', layout: 'RFC3339',
      error: `parsing time "2024-05-01" as ${rfc3339}: cannot parse "" as "T"`,
    },
    {
      name: 'A missing zone cannot parse as Z07:00',
      input: '2024-05-01T10:00:00', layout: 'RFC3339',
      error: `parsing time "2024-05-01T10:00:00" as ${rfc3339}: cannot parse "" as "Z07:00"`,
    },
    {
      name: 'Month 13 is out of range',
      input: '2024-13-01T00:00:00Z', layout: 'RFC3339',
      error: 'parsing time "2024-13-01T00:00:00Z": month out of range',
    },
    {
      name: 'February 30th is out of range',
      input: '2023-02-29T00:00:00Z', layout: 'RFC3339',
      error: 'parsing time "2023-02-29T00:00:00Z": day out of range',
    },
    {
      name: 'Hour 24 is out of range',
      input: '2024-05-01T24:00:00Z', layout: 'RFC3339',
      error: 'parsing time "2024-05-01T24:00:00Z": hour out of range',
    },
    {
      name: 'Text after the zone is extra text',
      input: '2024-05-01T10:00:00Zjunk', layout: 'RFC3339',
      error: 'parsing time "2024-05-01T10:00:00Zjunk": extra text: "junk"',
    },
    { name: 'A MicroTime with six fraction digits parses', input: '2024-05-01T10:00:00.123456Z', layout: 'RFC3339Micro', error: undefined },
    {
      name: 'A MicroTime needs its fraction',
      input: '2024-05-01T10:00:00Z', layout: 'RFC3339Micro',
      error: 'parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    },
  ];
  it.each(cases)('$name', ({ input, layout, error }) => {
    expect(timeError(input, layout)).toBe(error);
  });
});
