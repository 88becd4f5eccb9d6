// A note's lines as offsets into its text. Most lines are plain text that the scanner only needs to
// classify by a character or two, so it never splits the text into strings (that cost as much as the
// rest of the scan): it slices a line when it needs the line's text.
import { ANY, DASH, EMPTY, FENCE, STAR, TEXT } from "./line-kind";
import { isTrimSpace } from "./white-space";

/**
 * Line starts of the note being parsed, kept from one note to the next: parsing allocates no table per
 * note. Notes with more lines than this get a table of their own, so a huge one is not held forever.
 */
const SHARED_LINES = 1 << 16;
let shared: Int32Array = new Int32Array(1024);

/** A table twice as long with the same starts; kept as the shared one unless it is too big. */
function grow(starts: Int32Array): Int32Array {
	const grown = new Int32Array(starts.length * 2);
	grown.set(starts);
	if (grown.length <= SHARED_LINES) shared = grown;
	return grown;
}

/** A to Z in either case (`c | 32` folds an upper case letter onto its lower case one). */
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * Reading characters: every `charCodeAt` here stays within the text. One call past the end (which gives NaN)
 * makes V8 turn that call site into a generic builtin call from then on, several times the cost.
 */
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
		const length = text.length;
		let from = 0;
		for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
			from = nl + 1;
			// An empty line (a third of a note's lines) is told by one character read, not a builtin call
			// (~150 instructions each). `from < length` first: a read past the text would make V8 stop
			// inlining this charCodeAt for good.
			for (;;) {
				if (count === starts.length) starts = grow(starts);
				starts[count++] = from;
				if (from >= length || text.charCodeAt(from) !== 10) break;
				from++;
			}
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
		if (start + 3 > text.length) return false;
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
	 * What line `i` may be, from its first character after spaces and tabs, before any other look: `EMPTY`
	 * (no character at all), `FENCE` (backtick or tilde), `STAR` (a message header), `DASH` (a rule), `ANY`
	 * (other white space, which `trim()` drops, so every check runs) or `TEXT` (none of these: plain text,
	 * or spaces and tabs only).
	 */
	kind(i: number): number {
		const text = this.text;
		const length = text.length;
		let at = this.start(i);
		if (at >= length) return EMPTY; // the last line of a text that ends in `\n`
		let c = text.charCodeAt(at);
		if (c === 10) return EMPTY;
		if (c === 45) return DASH; // "-": a rule never has leading white space
		while (c === 32 || c === 9) {
			if (++at >= length) return TEXT;
			c = text.charCodeAt(at);
		}
		if (c === 96 || c === 126) return FENCE; // ` ~
		if (c === 42) return STAR; // *
		// `\n` ends a blank line; a non-blank character cannot start a header.
		if (c === 10 || !isTrimSpace(c)) return TEXT;
		return ANY;
	}

	/** Where line `i`'s text starts once leading white space is dropped (what `trim` keeps). */
	private trimmedStart(i: number): number {
		const end = this.end(i);
		let at = this.start(i);
		while (at < end && isTrimSpace(this.text.charCodeAt(at))) at++;
		return at;
	}

	/**
	 * Where line `i`'s fence marker starts, or -1: up to three spaces, then three or more backticks or
	 * tildes (`FENCE_OPEN` in line-kind.ts, read by hand: no slice and no regex call).
	 */
	fenceAt(i: number): number {
		const text = this.text;
		const end = this.end(i);
		let at = this.start(i);
		for (let spaces = 0; spaces < 3 && at < end && text.charCodeAt(at) === 32; spaces++) at++;
		if (at + 3 > end) return -1;
		const mark = text.charCodeAt(at);
		if (mark !== 96 && mark !== 126) return -1;
		return text.charCodeAt(at + 1) === mark && text.charCodeAt(at + 2) === mark ? at : -1;
	}

	/** How long the run of the character at `at` is, within line `i` (a fence marker's length). */
	runLength(i: number, at: number): number {
		const text = this.text;
		const end = this.end(i);
		const mark = text.charCodeAt(at);
		let k = at + 1;
		while (k < end && text.charCodeAt(k) === mark) k++;
		return k - at;
	}

	/** Line `i` is the text from `from` (leading white space only before it) up to `to` and trailing white space. */
	trimsTo(i: number, from: number, to: number): boolean {
		return this.trimmedStart(i) === from && this.trimmedEnd(i) === to;
	}

	/** `messageRole` of line `i`, on the note text: `**USER**` or `**ASSISTANT**` once trimmed. */
	role(i: number): "user" | "assistant" | null {
		const from = this.trimmedStart(i);
		const to = this.trimmedEnd(i);
		if (to - from === 8 && this.text.startsWith("**USER**", from)) return "user";
		if (to - from === 13 && this.text.startsWith("**ASSISTANT**", from)) return "assistant";
		return null;
	}

	/**
	 * The language of a front matter opening on line 0 (`---` and letters, then only white space:
	 * `FRONTMATTER_OPEN`), or null when line 0 is no such line.
	 */
	frontmatterOpen(): string | null {
		const text = this.text;
		const end = this.end(0);
		if (end < 3 || !text.startsWith("---")) return null;
		let at = 3;
		while (at < end && isAsciiLetter(text.charCodeAt(at))) at++;
		return this.trimmedEnd(0) === at ? text.slice(3, at) : null;
	}

	/** Line `i` exists and starts with a letter or `_`, as a YAML key (`YAML_KEY`) must. */
	startsLikeKey(i: number): boolean {
		if (i >= this.count) return false;
		const at = this.start(i);
		if (at >= this.text.length) return false;
		const c = this.text.charCodeAt(at);
		return c === 95 || isAsciiLetter(c);
	}
}
