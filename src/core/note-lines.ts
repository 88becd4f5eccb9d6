// A note's lines as offsets into its text. Most lines are plain text that the scanner only needs to
// classify by a character or two, so it never splits the text into strings (that cost as much as the
// rest of the scan): it slices a line when it needs the line's text.
import { ANY, DASH, FENCE, STAR, TEXT } from "./line-kind";
import { isTrimSpace } from "./white-space";

/**
 * Line starts of the note being parsed, kept from one note to the next: parsing allocates no table per
 * note. Notes with more lines than this get a table of their own, so a huge one is not held forever.
 */
const SHARED_LINES = 1 << 16;
let shared = new Int32Array(1024);

export class NoteLines {
	/** Offset of each line's first character; a line ends where the next one starts, minus its `\n`. */
	private readonly starts: Int32Array;
	/** How many lines (a text ending in `\n` has an empty last line, as `split("\n")` gives). */
	readonly count: number;

	/** Valid until the next NoteLines is made: one note is parsed at a time, to the end, without yielding. */
	constructor(readonly text: string) {
		let starts = shared;
		let count = 1;
		starts[0] = 0;
		for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) {
			if (count === starts.length) {
				const grown = new Int32Array(count * 2);
				grown.set(starts);
				starts = grown;
				if (grown.length <= SHARED_LINES) shared = grown;
			}
			starts[count++] = nl + 1;
		}
		this.starts = starts;
		this.count = count;
	}

	start(i: number): number {
		return this.starts[i] as number;
	}

	/** The offset just after line `i` (its `\n`, or the end of the text). */
	end(i: number): number {
		return i + 1 < this.count ? (this.starts[i + 1] as number) - 1 : this.text.length;
	}

	/** Line `i`'s text, or undefined past the last line. */
	line(i: number): string | undefined {
		return i < this.count ? this.text.slice(this.start(i), this.end(i)) : undefined;
	}

	/** Lines `from` to `to` - 1 as one text (what `lines.slice(from, to).join("\n")` gives). */
	block(from: number, to: number): string {
		return to > from ? this.text.slice(this.start(from), this.end(to - 1)) : "";
	}

	/** Where line `i` ends once trailing white space is dropped (what `trimEnd` keeps). */
	private trimmedEnd(i: number): number {
		const start = this.start(i);
		let end = this.end(i);
		while (end > start && isTrimSpace(this.text.charCodeAt(end - 1))) end--;
		return end;
	}

	/** Line `i` exists and is empty or white space only. */
	isBlank(i: number): boolean {
		if (i >= this.count) return false;
		const end = this.end(i);
		for (let k = this.start(i); k < end; k++) if (!isTrimSpace(this.text.charCodeAt(k))) return false;
		return true;
	}

	/**
	 * Line `i` exists and is the character `mark` three times (no leading white space) plus trailing white
	 * space. By character code: most lines fail at their first character, before any other work.
	 */
	private is3(i: number, mark: number): boolean {
		if (i >= this.count) return false;
		const text = this.text;
		const start = this.start(i);
		return text.charCodeAt(start) === mark && text.charCodeAt(start + 1) === mark && text.charCodeAt(start + 2) === mark && this.trimmedEnd(i) === start + 3;
	}

	/** `---` and trailing white space: a rule, a fence or a separator. */
	isRule(i: number): boolean {
		return this.is3(i, 45);
	}

	/** `...`, which may also close the front matter. */
	isDots(i: number): boolean {
		return this.is3(i, 46);
	}

	/** Text before a `---` glued to the end of the line (`following: [[x]]---`), as an appended document starts. */
	endsInGluedRule(i: number): boolean {
		const start = this.start(i);
		const end = this.end(i);
		if (end - start <= 3) return false;
		const last = this.text.charCodeAt(end - 1);
		if (last !== 45 && !isTrimSpace(last)) return false; // most lines: a letter or a full stop
		const trimmed = this.trimmedEnd(i);
		return trimmed - start > 3 && this.text.startsWith("---", trimmed - 3);
	}

	/**
	 * What line `i` may be, from its first character after spaces and tabs, before any regex runs: `FENCE`
	 * (backtick or tilde), `STAR` (a message header), `DASH` (a rule), `ANY` (other white space, which
	 * `trim()` drops, so every check runs) or `TEXT` (none of these: plain text).
	 */
	kind(i: number): number {
		const text = this.text;
		let at = this.start(i);
		let c = text.charCodeAt(at);
		if (c === 45) return DASH; // "-": a rule never has leading white space
		while (c === 32 || c === 9) c = text.charCodeAt(++at);
		if (c === 96 || c === 126) return FENCE; // ` ~
		if (c === 42) return STAR; // *
		// `\n` (or NaN past the text) ends an empty or blank line; a non-blank character cannot start a header.
		if (c === 10 || !isTrimSpace(c)) return TEXT;
		return ANY;
	}
}
