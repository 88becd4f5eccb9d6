// The generator's own front matter shapes, read without a YAML parser: `key: value` lines with plain,
// single-quoted or simple double-quoted strings, plain numbers, null, a folded plain title, and block or
// flow lists of such scalars. It accepts only text whose YAML reading is certain and returns null for
// anything else, which then goes to gray-matter. A property test checks that whatever it accepts,
// gray-matter reads to the same data.
//
// Why: gray-matter with js-yaml takes about 10 µs a note, about as long as reading the file, and it was
// half the time of a cold index. These shapes are what every chat2obs note holds.

type Scalar = string | number | null;

/** A decimal without sign, exponent, leading zero or `_`: the same number to YAML and to JavaScript. */
const NUMBER = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?$/;
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
/** `'...'` (a quote written `''`) of printable characters, then spaces. */
const SINGLE_QUOTED = new RegExp(`^'((?:[\\x20-\\x26\\x28-\\x7e${WIDE}]|'')*)' *$`);
/** `"..."` of printable characters without escapes, then spaces. */
const DOUBLE_QUOTED = new RegExp(`^"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e${WIDE}]*)" *$`);

/** `text[from, to)` as a plain string, without its trailing spaces; undefined when unsure (see PLAIN). */
function plainString(text: string, from: number, to: number): string | undefined {
	while (to > from && text.charCodeAt(to - 1) === 32) to--;
	if (to === from) return undefined;
	const value = text.slice(from, to);
	if (!PLAIN_ASCII_WORD.test(value) && !PLAIN.test(value)) return undefined;
	return to - from <= 5 && RESERVED.has(value) ? undefined : value;
}

/** The one-line scalar `text[from, to)`, or undefined when its YAML reading is not certain. */
function scalar(text: string, from: number, to: number): Scalar | undefined {
	const first = text.charCodeAt(from);
	if (first === 39 /* ' */) {
		const inner = SINGLE_QUOTED.exec(text.slice(from, to))?.[1];
		return inner !== undefined && inner.includes("'") ? inner.replace(/''/g, "'") : inner;
	}
	if (first === 34 /* " */) return DOUBLE_QUOTED.exec(text.slice(from, to))?.[1];
	if (first >= 48 && first <= 57) {
		const value = trimEndSpaces(text.slice(from, to));
		return NUMBER.test(value) ? Number(value) : undefined;
	}
	if (first === 126 /* ~ */ || first === 110 /* n */) {
		const value = trimEndSpaces(text.slice(from, to));
		if (value === "~" || value === "null") return null;
	}
	return plainString(text, from, to);
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

/** The keys every generator note has, as constants: an object key made of a new string costs a string-table lookup. */
const COMMON_KEYS = ["title", "date", "tags"];

function keyAt(body: string, start: number, end: number): string {
	for (const key of COMMON_KEYS) if (key.length === end - start && body.startsWith(key, start)) return key;
	return body.slice(start, end);
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
	const lines = new BodyLines(body, from, to);
	while (!lines.done) {
		const { start, end } = lines;
		// `key:`, then the end of the line or spaces and a value.
		if (!isLetter(body.charCodeAt(start))) return null;
		let colon = start + 1;
		while (colon < end && isKeyChar(body.charCodeAt(colon))) colon++;
		if (colon >= end || body.charCodeAt(colon) !== 58) return null;
		if (colon + 1 < end && body.charCodeAt(colon + 1) !== 32) return null;
		const key = keyAt(body, start, colon);
		if (Object.prototype.hasOwnProperty.call(data, key)) return null;
		const rest = skipSpaces(body, colon + 1, end);
		lines.next();
		if (rest === end) {
			const list = readBlockList(body, lines);
			if (list === undefined) return null;
			data[key] = list;
			continue;
		}
		if (body.charCodeAt(rest) === 91 /* [ */) {
			const list = flowList(body.slice(rest, end));
			if (list === undefined) return null;
			data[key] = list;
			continue;
		}
		let value = scalar(body, rest, end);
		if (value === undefined) return null;
		// A plain string folded onto indented lines: YAML joins them with single spaces.
		while (!lines.done && body.charCodeAt(lines.start) === 32) {
			const quote = body.charCodeAt(rest);
			if (typeof value !== "string" || quote === 39 || quote === 34) return null;
			const more = plainString(body, skipSpaces(body, lines.start, lines.end), lines.end);
			if (more === undefined) return null;
			value = `${value} ${more}`;
			lines.next();
		}
		data[key] = value;
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
