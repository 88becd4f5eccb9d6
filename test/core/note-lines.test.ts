// NoteLines reads the line shapes the scanner tells apart (fences, message headers, rules, the front
// matter opening) by hand on the note text; line-kind.ts holds the same shapes as regexes and string
// functions. These tests hold the hand-written readers to those definitions, line by line, on hostile
// generated lines and on every line of the fixture notes.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { EMPTY, FENCE_OPEN, FRONTMATTER_OPEN, isBlank, isRule, messageRole } from "../../src/core/line-kind";
import { NoteLines } from "../../src/core/note-lines";
import { normalizeText } from "../../src/core/note-parser";
import { FIXTURES, listNotes, readFixture } from "./fixture-files";

/** What the reference definitions say about line `i` of `text`. */
function reference(text: string, i: number) {
	const line = text.split("\n")[i] as string;
	const fence = FENCE_OPEN.exec(line)?.[1] ?? null;
	const open = i === 0 ? FRONTMATTER_OPEN.exec(line) : null;
	return {
		line,
		empty: line === "",
		blank: isBlank(line),
		rule: isRule(line),
		dots: line.trimEnd() === "...",
		fence,
		// A closing fence: the marker and nothing else once trimmed.
		fenceAlone: fence !== null && line.trim() === fence,
		role: messageRole(line),
		frontmatterLanguage: open ? (open[1] ?? "") : null,
	};
}

/** The same, read by NoteLines. */
function byHand(lines: NoteLines, i: number) {
	const fenceAt = lines.fenceAt(i);
	const length = fenceAt >= 0 ? lines.runLength(i, fenceAt) : 0;
	return {
		line: lines.line(i),
		empty: lines.kind(i) === EMPTY,
		blank: lines.isBlank(i),
		rule: lines.isRule(i),
		dots: lines.isDots(i),
		fence: fenceAt >= 0 ? lines.text.slice(fenceAt, fenceAt + length) : null,
		fenceAlone: fenceAt >= 0 && lines.trimsTo(i, fenceAt, fenceAt + length),
		role: lines.role(i),
		frontmatterLanguage: i === 0 ? lines.frontmatterOpen() : null,
	};
}

function checkEveryLine(text: string): void {
	const lines = new NoteLines(text);
	const split = text.split("\n");
	expect(lines.count).toBe(split.length);
	for (let i = 0; i < lines.count; i++) {
		expect(byHand(lines, i), `line ${i} of ${JSON.stringify(text)}`).toEqual(reference(text, i));
		// The first character of a YAML key (YAML_KEY): the look before the regex runs.
		expect(lines.startsLikeKey(i)).toBe(/^[A-Za-z_]/.test(split[i] as string));
	}
	expect(lines.line(lines.count)).toBeUndefined();
	expect(lines.isRule(lines.count)).toBe(false);
	expect(lines.startsLikeKey(lines.count)).toBe(false);
}

describe("NoteLines against the line shapes", () => {
	test("hostile generated lines", () => {
		const piece = fc.constantFrom("`", "~", "```", "~~~", "-", "---", ".", "...", "*", "**USER**", "**ASSISTANT**", "**user**", " ", "   ", "\t", "\n", "\n\n", "\u00a0", "\u2028", "\ufeff", "\u000b", "\u0085", "a", "Z", "_", "yaml", ":", "#", "[[x]]", "\u0000", "é");
		fc.assert(
			fc.property(fc.oneof(fc.array(piece, { maxLength: 40 }).map((a) => a.join("")), fc.string({ unit: "binary", maxLength: 60 })), (text) => {
				checkEveryLine(text);
			}),
			{ seed: 20240611, numRuns: 4000 },
		);
	});

	test("lines that sit on the edges of each shape", () => {
		const edges = ["", " ", "---", "--- ", "---\t\u00a0", "----", " ---", "--", "...", "... ", "..", "```", "   ```", "    ```", "\t```", "``", "````js", "~~~", "~~`", "```` ", " ```` \u2028", "---yaml", "---YAML ", "---js1", "---a b", "---\u00e9", "**USER**", " **USER**\t", "**USER** x", "\u00a0**ASSISTANT**\u3000", "**ASSISTANT*", "a", "_", "1"];
		for (const line of edges) {
			checkEveryLine(line);
			checkEveryLine(`${line}\n`);
			checkEveryLine(`x\n${line}\n\n${line}`);
		}
	});

	test("every line of the fixture notes", () => {
		for (const file of listNotes(FIXTURES)) checkEveryLine(normalizeText(readFixture(file).text));
	});

	test("a note longer than the shared line table", () => {
		const text = "a\n\n---\n".repeat(30_000);
		const lines = new NoteLines(text);
		expect(lines.count).toBe(90_001);
		expect(lines.line(89_999)).toBe("---");
		expect(lines.kind(90_000)).toBe(EMPTY);
		// A short note after it still reads right from the shared table.
		checkEveryLine("x\n\n\ny");
	});
});
