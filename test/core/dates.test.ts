import { expect, test } from "vitest";
import fc from "fast-check";
import { normalizeDate } from "../../src/core/dates";

test.each([
	["2025-06-22T07:55:23.386038Z", "2025-06-22T07:55:23.386Z"],
	[new Date("2024-05-01T10:10:00Z"), "2024-05-01T10:10:00.000Z"],
	[1703025600.0, "2023-12-19T22:40:00.000Z"],
	[1703025600, "2023-12-19T22:40:00.000Z"],
	["1703025615.0", "2023-12-19T22:40:15.000Z"],
	["110.0", "1970-01-01T00:01:50.000Z"],
	["2024-05-01 10:10:00", "2024-05-01T10:10:00.000Z"],
	["2024-05-01T12:10:00+02:00", "2024-05-01T10:10:00.000Z"],
	["2024-05-01", "2024-05-01T00:00:00.000Z"],
])("%s -> %s", (input, iso) => {
	expect(normalizeDate(input)).toEqual({ iso, invalid: false });
});

test.each([null, undefined, "None", "null", "", "  "])("%s is no date, and no error", (input) => {
	expect(normalizeDate(input)).toEqual({ iso: null, invalid: false });
});

test.each(["next tuesday", { a: 1 }, 1e300, Number.NaN, new Date("x")])("%s is an invalid date", (input) => {
	expect(normalizeDate(input)).toEqual({ iso: null, invalid: true });
});

test("ISO strings read the same with or without the shortcut for the generator's shape", () => {
	const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
	const iso = fc
		.tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(25), two(60), two(60), fc.option(fc.stringMatching(/^\d{1,10}$/)), fc.constantFrom("Z", "", "+01:00", " "))
		.map(([y, mo, d, h, mi, s, frac, zone]) => `${String(y).padStart(4, "0")}-${mo}-${d}T${h}:${mi}:${s}${frac === null ? "" : `.${frac}`}${zone}`);
	fc.assert(
		fc.property(iso, (text) => {
			const zoned = /(?:Z|[+-]\d{2}:\d{2})$/.test(text) ? text.trim() : `${text.trim()}Z`;
			const ms = Date.parse(zoned);
			const expected = Number.isNaN(ms) ? { iso: null, invalid: true } : { iso: new Date(ms).toISOString(), invalid: false };
			expect(normalizeDate(text)).toEqual(expected);
		}),
		{ numRuns: 20_000 },
	);
});

test("epoch seconds read as Date reads them, over the whole range dates can hold", () => {
	const seconds = fc.oneof(
		fc.double({ min: -8.64e12, max: 8.64e12, noNaN: true }),
		// The generator's range (1970 to 9999), whole seconds and fractions, leap days and year ends included.
		fc.tuple(fc.integer({ min: 0, max: 253_402_300_799 }), fc.constantFrom(0, 0.0004, 0.0005, 0.123, 0.9995, 0.999)).map(([s, f]) => s + f),
	);
	fc.assert(
		fc.property(seconds, (s) => {
			expect(normalizeDate(s)).toEqual({ iso: new Date(Math.round(s * 1000)).toISOString(), invalid: false });
		}),
		{ numRuns: 20_000 },
	);
});
