import { expect, test } from "vitest";
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
