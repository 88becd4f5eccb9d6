// Every fixture note (the whole real corpus plus the hand-written quirks) against its approved reading.
// The approved files under test/fixtures/approved/ were read by eye; a change to the parser that alters
// any of them shows up here as a diff to review.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { normalizeText, parseNote } from "../../src/core/note-parser";
import { describeNote } from "./describe-note";
import { FIXTURES, listNotes, readFixture } from "./fixture-files";

const notes = [...listNotes(join(FIXTURES, "corpus")), ...listNotes(join(FIXTURES, "hand"))];

describe("approved readings", () => {
	test("every corpus note is covered", () => {
		expect(notes.filter((n) => n.includes("/corpus/")).length).toBe(129);
	});
	test.each(notes.map((n) => [readFixture(n).path, n]))("%s", async (path, file) => {
		const { text } = readFixture(file);
		const description = describeNote(parseNote(path, text), normalizeText(text));
		await expect(description).toMatchFileSnapshot(join(FIXTURES, "approved", `${path}.txt`));
	});
});
