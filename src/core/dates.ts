// Turns every date shape the generator wrote into ISO-8601 UTC.
// Seen: quoted ISO with microseconds and Z, unquoted ISO (YAML gives a Date), float or int epoch
// seconds, quoted epoch strings ('1703025615.0'), null and 'None'.

export interface DateResult {
	iso: string | null;
	/** A value was there but could not be read as a date. */
	invalid: boolean;
}

const EMPTY = new Set(["", "none", "null", "nil", "~", "nan"]);
const NUMERIC = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const HAS_ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Largest epoch in seconds JavaScript dates can hold (year 275760). */
const MAX_EPOCH_SECONDS = 8.64e12;

/** 9999-12-31T23:59:59.999Z: up to here every ISO string has a four-digit year. */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const DAY_MS = 86_400_000;

/**
 * What `new Date(ms).toISOString()` gives for 1970 to 9999, written directly: `toISOString` costs a few
 * times more, and half the generator's notes store epoch seconds. Days to a date: Howard Hinnant's
 * `civil_from_days`.
 */
function isoFromMs(ms: number): string {
	if (!(ms >= 0 && ms <= MAX_FOUR_DIGIT_YEAR_MS)) return new Date(ms).toISOString();
	const days = Math.floor(ms / DAY_MS);
	let rest = ms - days * DAY_MS;
	const hours = Math.floor(rest / 3_600_000);
	rest -= hours * 3_600_000;
	const minutes = Math.floor(rest / 60_000);
	rest -= minutes * 60_000;
	const seconds = Math.floor(rest / 1000);
	const millis = rest - seconds * 1000;
	const z = days + 719_468; // days since 0000-03-01
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
	const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	// One flat string from its 24 character codes (48 is "0"): a template literal of 13 pieces costs several
	// times more (each `+` makes a string, and the result is a tree V8 later copies flat).
	const tens = (n: number): number => 48 + Math.floor(n / 10);
	const ones = (n: number): number => 48 + (n % 10);
	// (Spread arrays would read better here but cost more than the template.)
	return String.fromCharCode(
		tens(Math.floor(year / 100)), ones(Math.floor(year / 100)), tens(year % 100), ones(year), 45, // YYYY-
		tens(month), ones(month), 45, tens(day), ones(day), 84, // MM-DDT
		tens(hours), ones(hours), 58, tens(minutes), ones(minutes), 58, tens(seconds), ones(seconds), 46, // hh:mm:ss.
		48 + Math.floor(millis / 100), tens(millis % 100), ones(millis), 90, // mmmZ
	);
}

function fromEpochSeconds(seconds: number): DateResult {
	if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_EPOCH_SECONDS) return { iso: null, invalid: true };
	return { iso: isoFromMs(Math.round(seconds * 1000)), invalid: false };
}

/** The generator's own shape (UTC, optional fraction) with a day every month has and an hour before 24. */
const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

/**
 * `text` (trimmed) in the generator's own shape as ISO-8601 with milliseconds, else null: what Date.parse
 * + toISOString would give, without them. Milliseconds are cut (not rounded) to three digits. A regex test
 * and slices by position (CANONICAL fixes them): no match array, no captures.
 */
function fromCanonical(text: string): string | null {
	// Cheap guard before the regex call: a canonical date has its first `-` at index 4.
	if (text.length < 20 || text.charCodeAt(4) !== 45 || !CANONICAL.test(text)) return null;
	// `YYYY-MM-DDTHH:MM:SS` is 19 characters; then `Z`, or `.`, 1 to 9 digits and `Z`.
	const digits = text.length - 21;
	if (digits < 0) return `${text.slice(0, 19)}.000Z`;
	if (digits >= 3) return `${text.slice(0, 23)}Z`;
	return `${text.slice(0, 20 + digits)}${digits === 1 ? "00" : "0"}Z`;
}

function fromIsoLike(text: string): DateResult {
	let value = text.trim();
	if (DATE_ONLY.test(value)) value += "T00:00:00Z";
	else if (!HAS_ZONE.test(value)) value += "Z"; // no zone written: the generator writes UTC
	value = value.replace(" ", "T");
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return { iso: null, invalid: true };
	return { iso: new Date(ms).toISOString(), invalid: false };
}

export function normalizeDate(value: unknown): DateResult {
	if (value === null || value === undefined) return { iso: null, invalid: false };
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? { iso: null, invalid: true } : { iso: value.toISOString(), invalid: false };
	}
	if (typeof value === "number") return fromEpochSeconds(value);
	if (typeof value === "string") {
		const text = value.trim();
		// Every empty word is at most four characters: a longer date is not lowercased (a copy) to find out.
		if (text.length <= 4 && EMPTY.has(text.toLowerCase())) return { iso: null, invalid: false };
		// The generator's ISO shape first (half the notes): it can never be NUMERIC (it has a `T`).
		const canonical = fromCanonical(text);
		if (canonical !== null) return { iso: canonical, invalid: false };
		if (NUMERIC.test(text)) return fromEpochSeconds(Number(text));
		return fromIsoLike(text);
	}
	return { iso: null, invalid: true };
}
