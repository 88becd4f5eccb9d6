// The generator's own front matter shapes, read without a YAML parser: `key: value` lines with plain,
// single-quoted or simple double-quoted strings, plain numbers, null, a folded plain title, and block or
// flow lists of such scalars. It accepts only text whose YAML reading is certain and returns null for
// anything else, which then goes to gray-matter. A property test checks that whatever it accepts,
// gray-matter reads to the same data.
//
// Why: gray-matter with js-yaml takes about 10 µs a note, about as long as reading the file, and it was
// half the time of a cold index. These shapes are what every chat2obs note holds.

type Scalar = string | number | null;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether `text[from, to)` is a decimal without sign, exponent, leading zero or `_` (`0` or up to 15
 * digits, then perhaps `.` and 1 to 6 digits): the same number to YAML and to JavaScript. By character:
 * an epoch date is a dozen characters, fewer than a regex call costs in overhead.
 */
function isPlainNumber(text: string, from: number, to: number): boolean {
	let i = from;
	if (text.charCodeAt(i) === 48) i++;
	else while (i < to && i - from < 15 && isDigit(text.charCodeAt(i))) i++;
	if (i === from) return false;
	if (i === to) return true;
	if (text.charCodeAt(i) !== 46 /* . */) return false;
	const point = i++;
	while (i < to && i - point <= 6 && isDigit(text.charCodeAt(i))) i++;
	return i === to && i - point >= 2;
}
const FLOW_ITEM = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** Plain words YAML reads as something other than a string. */
const RESERVED = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"]);

/** Drops trailing spaces (YAML's whitespace; `trimEnd` would also drop other Unicode spaces). */
function trimEndSpaces(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
	return end === text.length ? text : text.slice(0, end);
}

function trimSpaces(text: string): string {
	let start = 0;
	while (start < text.length && text.charCodeAt(start) === 32) start++;
	return trimEndSpaces(start === 0 ? text : text.slice(start));
}

/** Where the spaces from `from` end (at most `to`). */
function skipSpaces(text: string, from: number, to: number): number {
	while (from < to && text.charCodeAt(from) === 32) from++;
	return from;
}

const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isKeyChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

// Printable: no control character, C1 control, surrogate (kept out to stay simple), BOM or non-character.
// These checks are regexes, not loops over characters: native matching is several times faster.
/**
 * The printable characters beyond ASCII, without U+2028 and U+2029: they (and `\r`, a control character)
 * would end a line early for YAML, so no value may hold them. Every character of an accepted body passes
 * one of these classes, a key or list check, or is a space.
 */
const WIDE = "\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd";
/**
 * A plain scalar YAML reads as a string: it starts with a letter or `_` (never an indicator or a digit)
 * and holds only printable characters, no `: `, no ` #` and no trailing `:` (a `:` is followed by a
 * character other than a space, a space by one other than `#`). What is left reads the same in every
 * YAML scalar style used here, once reserved words are kept out.
 */
const PLAIN = new RegExp(`^[A-Za-z_](?:[\\x21-\\x39\\x3b-\\x7e${WIDE}]|:(?=[^ ])| (?=[^#]))*$`);
/**
 * The common case of PLAIN (tags such as `msg_…`): printable ASCII without a space or `:`. One character
 * class, which the regex engine reads much faster than PLAIN's alternatives with their look-aheads.
 */
const PLAIN_ASCII_WORD = /^[A-Za-z_][\x21-\x39\x3b-\x7e]*$/;
/**
 * A run of block list lines at indent 0 whose items are all PLAIN_ASCII_WORD (the generator's tags): one
 * native match for the whole run instead of a regex call per item. Sticky: it matches at `lastIndex`.
 */
const WORD_ITEMS = /(?:- [A-Za-z_][\x21-\x39\x3b-\x7e]*(?:\n|$))+/y;
/** `'...'` (a quote written `''`) of printable characters, then spaces. */
const SINGLE_QUOTED = new RegExp(`^'((?:[\\x20-\\x26\\x28-\\x7e${WIDE}]|'')*)' *$`);
/** `"..."` of printable characters without escapes, then spaces. */
const DOUBLE_QUOTED = new RegExp(`^"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e${WIDE}]*)" *$`);

/**
 * `text[from, to)` as a plain string, without its trailing spaces; undefined when unsure (see PLAIN).
 * `words`: the value is likely several words (a title), so PLAIN_ASCII_WORD would fail at the first space
 * and is not tried first (every regex call costs several hundred instructions before any matching).
 */
function plainString(text: string, from: number, to: number, words = false): string | undefined {
	while (to > from && text.charCodeAt(to - 1) === 32) to--;
	if (to === from) return undefined;
	const value = text.slice(from, to);
	if (!(!words && PLAIN_ASCII_WORD.test(value)) && !PLAIN.test(value)) return undefined;
	return to - from <= 5 && RESERVED.has(value) ? undefined : value;
}

/** The one-line scalar `text[from, to)`, or undefined when its YAML reading is not certain (`words`: see plainString). */
function scalar(text: string, from: number, to: number, words = false): Scalar | undefined {
	const first = text.charCodeAt(from);
	if (first === 39 /* ' */) {
		// A test and a cut between the quotes: no match array and capture, as `exec` would make.
		if (!SINGLE_QUOTED.test(text.slice(from, to))) return undefined;
		while (text.charCodeAt(to - 1) === 32) to--;
		const inner = text.slice(from + 1, to - 1);
		return inner.includes("'") ? inner.replace(/''/g, "'") : inner;
	}
	if (first === 34 /* " */) return DOUBLE_QUOTED.exec(text.slice(from, to))?.[1];
	if (first >= 48 && first <= 57) {
		while (text.charCodeAt(to - 1) === 32) to--;
		return isPlainNumber(text, from, to) ? Number(text.slice(from, to)) : undefined;
	}
	if (first === 126 /* ~ */ || first === 110 /* n */) {
		const value = trimEndSpaces(text.slice(from, to));
		if (value === "~" || value === "null") return null;
	}
	return plainString(text, from, to, words);
}

function flowList(text: string): string[] | undefined {
	const value = trimEndSpaces(text);
	if (!value.startsWith("[") || !value.endsWith("]")) return undefined;
	const inner = trimSpaces(value.slice(1, -1));
	if (inner === "") return [];
	const items: string[] = [];
	for (const part of inner.split(",")) {
		const item = trimSpaces(part);
		if (!FLOW_ITEM.test(item) || RESERVED.has(item)) return undefined;
		items.push(item);
	}
	return items;
}

/**
 * Which of the keys every generator note has `body[start, end)` is: 0 title, 1 date, 2 tags, or -1. By
 * character, not `startsWith` (a costly builtin call); the caller then stores under a constant name: an
 * object key made of a new string costs a string-table lookup, and a store under varying keys a slow
 * (megamorphic) property store.
 */
function commonKey(body: string, start: number, end: number): number {
	const length = end - start;
	const c = body.charCodeAt(start);
	if (length === 5) return c === 116 && body.charCodeAt(start + 1) === 105 && body.charCodeAt(start + 2) === 116 && body.charCodeAt(start + 3) === 108 && body.charCodeAt(start + 4) === 101 ? 0 : -1; // title
	if (length !== 4) return -1;
	if (c === 100) return body.charCodeAt(start + 1) === 97 && body.charCodeAt(start + 2) === 116 && body.charCodeAt(start + 3) === 101 ? 1 : -1; // date
	return c === 116 && body.charCodeAt(start + 1) === 97 && body.charCodeAt(start + 2) === 103 && body.charCodeAt(start + 3) === 115 ? 2 : -1; // tags
}

/** Stores `value` under the key `body[start, end)` unless the data has it already; false when it has. */
function store(data: Record<string, unknown>, common: number, body: string, start: number, end: number, value: unknown): boolean {
	if (common === 0) data.title = value;
	else if (common === 1) data.date = value;
	else if (common === 2) data.tags = value;
	else {
		const key = body.slice(start, end);
		if (Object.prototype.hasOwnProperty.call(data, key)) return false;
		data[key] = value;
	}
	return true;
}

/** The lines of a front matter body `text[start, to)`, as bounds in its text. */
class BodyLines {
	end: number;
	constructor(
		private readonly text: string,
		public start: number,
		private readonly to: number,
	) {
		this.end = this.endOf(start);
	}
	private endOf(from: number): number {
		const nl = this.text.indexOf("\n", from);
		return nl < 0 || nl > this.to ? this.to : nl;
	}
	get done(): boolean {
		return this.start > this.to;
	}
	next(): void {
		this.start = this.end + 1;
		if (this.start <= this.to) this.end = this.endOf(this.start);
	}
}

/**
 * The data of a front matter body (the text between the fences, `body[from, to)`) in the generator's
 * shapes, or null when any line is outside them. The parser passes the whole note and the body's bounds:
 * characters are read faster from the note than from a slice of it. Past `to` comes a line break (the
 * closing fence's) or the end of the text: a line's end always reads as neither a letter nor a space.
 */
export function readPlainYaml(body: string, from = 0, to = body.length): Record<string, unknown> | null {
	// An empty body is not a mapping (YAML reads it as null): gray-matter decides.
	if (to <= from) return null;
	const data: Record<string, unknown> = {};
	/** The common keys (see commonKey) stored so far, one bit each: a duplicate is refused. */
	let seen = 0;
	const lines = new BodyLines(body, from, to);
	while (!lines.done) {
		const { start, end } = lines;
		// `key:`, then the end of the line or spaces and a value.
		if (!isLetter(body.charCodeAt(start))) return null;
		let colon = start + 1;
		while (colon < end && isKeyChar(body.charCodeAt(colon))) colon++;
		if (colon >= end || body.charCodeAt(colon) !== 58) return null;
		if (colon + 1 < end && body.charCodeAt(colon + 1) !== 32) return null;
		const common = commonKey(body, start, colon);
		if (common >= 0) {
			if ((seen & (1 << common)) !== 0) return null;
			seen |= 1 << common;
		}
		const rest = skipSpaces(body, colon + 1, end);
		lines.next();
		let value: unknown;
		if (rest === end) {
			value = readBlockList(body, lines);
			if (value === undefined) return null;
		} else if (body.charCodeAt(rest) === 91 /* [ */) {
			value = flowList(body.slice(rest, end));
			if (value === undefined) return null;
		} else {
			let text = scalar(body, rest, end, true);
			if (text === undefined) return null;
			// A plain string folded onto indented lines: YAML joins them with single spaces.
			while (!lines.done && body.charCodeAt(lines.start) === 32) {
				const quote = body.charCodeAt(rest);
				if (typeof text !== "string" || quote === 39 || quote === 34) return null;
				const more = plainString(body, skipSpaces(body, lines.start, lines.end), lines.end, true);
				if (more === undefined) return null;
				text = `${text} ${more}`;
				lines.next();
			}
			value = text;
		}
		if (!store(data, common, body, start, colon, value)) return null;
	}
	return data;
}

/**
 * The `- item` lines from the current line on, all at one indent: the list, null when there is none,
 * undefined when an item is not certain.
 */
function readBlockList(body: string, lines: BodyLines): Scalar[] | null | undefined {
	const items: Scalar[] = [];
	let indent = -1;
	while (!lines.done) {
		const { start, end } = lines;
		if (indent <= 0 && body.charCodeAt(start) === 45 /* - */) {
			WORD_ITEMS.lastIndex = start;
			if (WORD_ITEMS.test(body)) {
				// Each line the run covers is `- ` and a word PLAIN_ASCII_WORD accepts: the same item the
				// general path reads, once words YAML reads otherwise (all short: RESERVED) go through scalar.
				const runEnd = WORD_ITEMS.lastIndex;
				indent = 0;
				while (!lines.done && lines.start < runEnd) {
					const from = lines.start + 2;
					const value = lines.end - from <= 5 ? scalar(body, from, lines.end) : body.slice(from, lines.end);
					if (value === undefined) return undefined;
					items.push(value);
					lines.next();
				}
				continue;
			}
		}
		const dash = skipSpaces(body, start, end);
		if (dash + 1 >= end || body.charCodeAt(dash) !== 45 || body.charCodeAt(dash + 1) !== 32) break;
		if (indent < 0) indent = dash - start;
		else if (dash - start !== indent) return undefined;
		const value = scalar(body, skipSpaces(body, dash + 1, end), end);
		if (value === undefined) return undefined;
		items.push(value);
		lines.next();
	}
	return indent < 0 ? null : items;
}
