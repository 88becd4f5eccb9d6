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

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

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
	const milliText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
	return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${milliText}Z`;
}

function fromEpochSeconds(seconds: number): DateResult {
	if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_EPOCH_SECONDS) return { iso: null, invalid: true };
	return { iso: isoFromMs(Math.round(seconds * 1000)), invalid: false };
}

/** The generator's own shape (UTC, optional fraction) with a day every month has and an hour before 24. */
const CANONICAL = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)(?:\.(\d{1,9}))?Z$/;

function fromIsoLike(text: string): DateResult {
	// What Date.parse + toISOString would give, without them: milliseconds cut (not rounded) to three digits.
	const canonical = CANONICAL.exec(text);
	if (canonical !== null) return { iso: `${canonical[1] as string}.${(canonical[2] ?? "").padEnd(3, "0").slice(0, 3)}Z`, invalid: false };
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
		if (NUMERIC.test(text)) return fromEpochSeconds(Number(text));
		return fromIsoLike(text);
	}
	return { iso: null, invalid: true };
}
