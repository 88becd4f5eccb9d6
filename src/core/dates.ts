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

function fromEpochSeconds(seconds: number): DateResult {
	if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_EPOCH_SECONDS) return { iso: null, invalid: true };
	return { iso: new Date(Math.round(seconds * 1000)).toISOString(), invalid: false };
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
		if (EMPTY.has(text.toLowerCase())) return { iso: null, invalid: false };
		if (NUMERIC.test(text)) return fromEpochSeconds(Number(text));
		return fromIsoLike(text);
	}
	return { iso: null, invalid: true };
}
