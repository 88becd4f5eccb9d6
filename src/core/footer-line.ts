// Footer lines: `preceding: [[x]]`, `following: [[x]]`, `see also: [[x]]`, labels in any case (and
// configurable), possibly glued to `---`. The rule is a regex built from the labels; for labels in ASCII
// (every vault we know) the same rule is also written out by hand, which costs a fraction of the regex.
import type { FooterKind, FormatOptions } from "./note-record";
import { isTrimSpace } from "./white-space";

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A label as compared: lowercase, trimmed, white space runs as one space. */
function normalLabel(label: string): string {
	return label.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The list a matched label fills (the configured labels are compared in the same normal form). */
function labelKind(label: string, format: FormatOptions): FooterKind {
	const norm = normalLabel(label);
	if (norm === normalLabel(format.precedingLabel)) return "preceding";
	if (norm === normalLabel(format.followingLabel)) return "following";
	return "seeAlso";
}

/** `.` in a regex stops at these (the scanner's lines hold no `\n`). */
const isLineBreak = (c: number): boolean => c === 13 || c === 0x2028 || c === 0x2029;

export class FooterReader {
	/** `^\s*(label|label|label)\s*:\s*(?=.*\[\[)`, case-insensitive; a label's white space runs match any run. */
	private readonly pattern: RegExp;
	/** Each label as its words, when every label is non-empty ASCII; otherwise null and the regex decides. */
	private readonly words: string[][] | null;
	/** The kind each label gives, in the same order. */
	private readonly kinds: FooterKind[];

	constructor(private readonly format: FormatOptions) {
		const labels = [format.precedingLabel, format.followingLabel, format.seeAlsoLabel].map((l) => l.trim());
		const sources = labels.map((l) => escapeRegExp(l).replace(/\s+/g, "\\s+"));
		this.pattern = new RegExp(`^\\s*(${sources.join("|")})\\s*:\\s*(?=.*\\[\\[)`, "i");
		// eslint-disable-next-line no-control-regex -- ASCII is exactly what is tested here
		const ascii = labels.every((l) => l !== "" && /^[\x00-\x7f]*$/.test(l));
		this.words = ascii ? labels.map((l) => l.split(/\s+/)) : null;
		this.kinds = labels.map((l) => labelKind(l.split(/\s+/).join(" "), format));
	}

	/**
	 * The kind of footer line the line `text[start, end)` (no line break in it) is, or null when it is none.
	 * The note and bounds, not the line: the hand-written rule reads characters, which costs more in a slice.
	 */
	kind(text: string, start: number, end: number): FooterKind | null {
		if (this.words === null) {
			const match = this.pattern.exec(text.slice(start, end));
			return match ? labelKind(match[1] ?? "", this.format) : null;
		}
		let at = start;
		while (at < end && isTrimSpace(text.charCodeAt(at))) at++;
		// Like the regex's alternation: the first label after which the rest of the line matches.
		for (let k = 0; k < this.words.length; k++) {
			const labelEnd = matchLabel(text, at, end, this.words[k] as string[]);
			if (labelEnd >= 0 && linkFollowsColon(text, labelEnd, end)) return this.kinds[k] as FooterKind;
		}
		return null;
	}
}

/** The character at `at`, NaN at or past `end` (as past the end of the line's own string). */
const charAt = (text: string, at: number, end: number): number => (at < end ? text.charCodeAt(at) : NaN);

/** Where the label (its words, ASCII, case-insensitive, any white space between) ends at `at`, or -1. */
function matchLabel(line: string, at: number, end: number, words: string[]): number {
	for (let w = 0; w < words.length; w++) {
		if (w > 0) {
			if (!isTrimSpace(charAt(line, at, end))) return -1;
			while (isTrimSpace(charAt(line, at, end))) at++;
		}
		const word = words[w] as string;
		for (let i = 0; i < word.length; i++, at++) {
			const c = charAt(line, at, end);
			const expected = word.charCodeAt(i);
			// ASCII case folding; outside ASCII nothing folds to an ASCII letter in a non-Unicode regex.
			if (c !== expected && !((expected | 32) >= 97 && (expected | 32) <= 122 && (c | 32) === (expected | 32))) return -1;
		}
	}
	return at;
}

/** `\s*:\s*` at `at`, then a `[[` later on the line (before `end`) with no line break before it. */
function linkFollowsColon(line: string, at: number, end: number): boolean {
	while (isTrimSpace(charAt(line, at, end))) at++;
	if (charAt(line, at, end) !== 58) return false;
	at++;
	while (isTrimSpace(charAt(line, at, end))) at++;
	// A loop, not indexOf: a search in the note would run past the line (and over the whole note, line
	// after line, when none follows). Mostly it stops at once: a footer's `[[` comes right after the colon.
	for (let i = at; i + 1 < end; i++) {
		const c = line.charCodeAt(i);
		if (c === 91 && line.charCodeAt(i + 1) === 91) return true;
		if (isLineBreak(c)) return false;
	}
	return false;
}

const readers = new WeakMap<FormatOptions, FooterReader>();
/** The last format asked for: a vault parses every note with the same one. */
let lastFormat: FormatOptions | null = null;
let lastReader: FooterReader | null = null;

/** The footer reader of a format, made once per format object (format objects are never changed in place). */
export function footerReader(format: FormatOptions): FooterReader {
	if (format === lastFormat && lastReader !== null) return lastReader;
	let reader = readers.get(format);
	if (!reader) {
		reader = new FooterReader(format);
		readers.set(format, reader);
	}
	lastFormat = format;
	lastReader = reader;
	return reader;
}
