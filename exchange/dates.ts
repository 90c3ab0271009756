// Dates from files. The W3C model's dates are xsd:dateTime, which its test suite checks as RFC 3339 date-times with
// a time zone. Those are kept as written. Near misses that say one instant plainly are normalised (and the import
// preview says so): a date alone (midnight UTC), a date-time without a zone (taken as UTC), a space for the T, a
// zone written +0800. Anything else ("1", "Tue, 5 Mar 2024", "12/31/1999", "yesterday") is refused: guessing would
// put a wrong date on a record (JavaScript reads "1" as 2001, and "12/31/1999" in the reader's own time zone).
import { isDateTime } from './w3c-musts';

export interface DateReading {
  value: string;
  /** The file's text was rewritten. */
  normalised: boolean;
}

const LOOSE = /^(\d{4})-(\d\d)-(\d\d)(?:[Tt ](\d\d):(\d\d)(?::(\d\d)(\.\d{1,9})?)?)?\s*(?:([Zz])|([+-])(\d\d)(?::?(\d\d))?)?$/;

export function readDateTime(text: string): DateReading | undefined {
  if (isDateTime(text) && !text.startsWith('0000')) return { value: text, normalised: false };
  const m = LOOSE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  const [hour, minute, second] = [m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  const millis = Math.round(Number(`0${m[7] ?? ''}`) * 1000);
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) : 0;
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[10] !== undefined && (Number(m[10]) > 23 || Number(m[11] ?? 0) > 59)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return undefined; // 31 April, 29 February of a common year
  date.setUTCHours(hour, minute - offset, second, millis);
  const value = date.toISOString();
  return isDateTime(value) ? { value, normalised: true } : undefined;
}
