// The link scanner's fast path (plain links found with one charCodeAt pass and cut from the note's text)
// must give exactly what the general scan gave before it: the same links, fields in the same order, for
// real notes, generated vaults and hostile random text.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateVault } from "../../scripts/bench/vault-generator";
import type { WikiLink } from "../../src/core/note-record";
import { LinkScanner } from "../../src/core/wikilinks";
import { FIXTURES, listNotes, readFixture } from "./fixture-files";
import { ReferenceLinkScanner } from "./wikilinks-reference";

interface Scan {
	links: WikiLink[];
	/** Per line with links: its number, and whether links nested too deep. */
	lines: string[];
}

/** Scans every line of `text` the way the note parser does (one scanner for the whole text, lines in order). */
function scanText(scanner: LinkScanner | ReferenceLinkScanner, text: string, base: number): Scan {
	const links: WikiLink[] = [];
	const lines: string[] = [];
	let start = 0;
	let lineNo = 1;
	while (start <= text.length) {
		const newline = text.indexOf("\n", start);
		const end = newline < 0 ? text.length : newline;
		if (scanner.nextLinkStart(start) < end) {
			const before = links.length;
			const tooDeep = scanner.scanLine(start, end, lineNo, base, links);
			lines.push(`${lineNo}: ${links.length - before}${tooDeep ? " too deep" : ""}`);
		}
		if (newline < 0) break;
		start = newline + 1;
		lineNo++;
	}
	return { links, lines };
}

/** Each link with its keys in order, so a field set in another order (another object shape) shows. */
const shaped = (scan: Scan) => ({ lines: scan.lines, links: scan.links.map((link) => Object.entries(link)) });

function expectSameAsReference(text: string): void {
	for (const skipCode of [true, false]) {
		const fast = scanText(new LinkScanner(text, skipCode), text, 17);
		const reference = scanText(new ReferenceLinkScanner(text, skipCode), text, 17);
		expect(shaped(fast)).toEqual(shaped(reference));
	}
}

// Pieces that make the brackets, separators and white space the scanner treats specially likely.
const PIECES = ["[[", "]]", "[", "]", "[[[", "]]]", "|", "\\|", "\\", "#", "#^", "^", "!", "![[", "`", "``", " ", "  ", "\t", "\u00a0", "\u3000", "a", "bc", "x y", "é", "\n", "\n", "[[a]]", "[[b|c]]", "[[d#e]]", "[[f#^g]]"];

describe("the link scanner's fast path gives what the reference scan gives", () => {
	test("hostile random text (seeded)", () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (pieces) => {
				expectSameAsReference(pieces.join(""));
			}),
			{ seed: 20240611, numRuns: 20_000 },
		);
	});

	test("random link-like lines with prose between links (seeded)", () => {
		const inside = fc.array(fc.constantFrom("a", "b c", " ", "|", "#", "^", "\\", "[", "]", "[[x]]", "[[y [[z]] w]]", "\u00a0"), { maxLength: 8 }).map((p) => p.join(""));
		const link = fc.tuple(fc.constantFrom("", "!"), inside, fc.constantFrom("]]", "]]]", "]", "]]]]", "")).map(([bang, text, close]) => `${bang}[[${text}${close}`);
		const line = fc.array(fc.oneof(link, fc.constantFrom("prose ", "`code [[x]]` ", "`", "\n", "preceding: ", " ")), { maxLength: 12 }).map((p) => p.join(""));
		fc.assert(
			fc.property(line, (text) => {
				expectSameAsReference(text);
			}),
			{ seed: 77, numRuns: 20_000 },
		);
	});

	test("the corpus and hand-written fixture notes", () => {
		const notes = listNotes(FIXTURES);
		expect(notes.length).toBeGreaterThan(100);
		for (const path of notes) expectSameAsReference(readFixture(path).text);
	});

	test("a generated vault", () => {
		for (const note of generateVault({ notes: 300, seed: 5 })) expectSameAsReference(note.text);
	});

	test("links right at the line's end and the text's end", () => {
		for (const text of ["[[a]]", "[[a]", "[[a]]]", "x\n[[a]]\n", "[[a\n]]", "[[a]\n]", "![[a]]", "[[ |x]]", "[[\\|x]]", "[[a\\|x]]", "[[#^]]", "[[a#]]", "[[ a ]]", "[[\u3000]]", "[[a [[b]]"]) {
			expectSameAsReference(text);
		}
	});

	test("nested links of the shapes the fast path reads, and of shapes it hands over", () => {
		const shapes = ["[[a [[b]] c [[d]] e]]", "[[a [[b|x]] c|y]]", "[[a [[b]] #h]]", "[[a [[b#^c]] d#^e]]", "![[a [[b]] c]]", "x ![[a [[b]] c]] [[d]]"];
		const odd = ["[[ [[b]] ]]", "[[[[]]]]", "[[a [[]] b]]", "[[[[b]]]]", "[[a [[[b]] c]]", "[[a [[b]]] c]]", "[[a [[b [[c]] d]] e]]", "[[a [[b]] c", "[[a\\|b [[c]]]]"];
		for (const text of [...shapes, ...odd]) {
			expectSameAsReference(text);
		}
	});
});

describe("the fast path's hand-over to the general scan stays linear", () => {
	// In the first and last case each line hands over to the general scan after a search that ran to the
	// `]]` at the very end of the note; were the cursors reset instead of put back, that search would run
	// again for every line. Counted, not timed: every indexOf call is wrapped to add up the characters it
	// searched, which a linear scan keeps to a few times the text's length.
	for (const [name, line, linksPerLine] of [
		["inner link never closed", "[[a [[b", 0],
		["outer link never closed", "[[a [[b]] c", 1],
		["third level", "[[a [[b [[c", 0],
	] as const) {
		test(name, () => {
			const lines = 20_000;
			const text = `${`${line}\n`.repeat(lines)}]]`;
			const indexOf = String.prototype.indexOf;
			let searched = 0;
			String.prototype.indexOf = function (this: string, search: string, position?: number): number {
				const from = Math.max(0, Math.min(position ?? 0, this.length));
				const at = indexOf.call(this, search, position);
				searched += (at < 0 ? this.length : at) - from;
				return at;
			};
			let links: number;
			try {
				links = scanText(new LinkScanner(text), text, 0).links.length;
			} finally {
				String.prototype.indexOf = indexOf;
			}
			expect(links).toBe(lines * linksPerLine);
			// Searching again from each line to the end of the note would be about lines * length / 2.
			expect(searched).toBeLessThan(8 * text.length);
		});
	}
});
