// The generator's own front matter shapes, read without a YAML parser: `key: value` lines with plain,
// single-quoted or simple double-quoted strings, plain numbers, null, a folded plain title, and block or
// flow lists of such scalars. It accepts only text whose YAML reading is certain and returns null for
// anything else, which then goes to gray-matter. A property test checks that whatever it accepts,
// gray-matter reads to the same data.
//
// Why: gray-matter with js-yaml takes about 10 µs a note, about as long as reading the file, and it was
// half the time of a cold index. These shapes are what every chat2obs note holds.

type Scalar = string | number | null;

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ITEM_LINE = /^( *)- +(.*)$/;
/** A continuation line of a folded plain scalar: its text after the indent. */
const CONTINUATION = /^ +(.*)$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)' *$/;
const DOUBLE_QUOTED = /^"([^"\\]*)" *$/;
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

/**
 * A plain scalar YAML reads as a string, without its trailing spaces; undefined when unsure. It starts
 * with a letter or `_` (never an indicator or a digit), is not a reserved word, and holds no `: `, ` #`,
 * trailing `:`, tab, line break, control character, surrogate (kept out to stay simple), BOM or
 * non-character: what is left reads the same in every YAML scalar style used here.
 */
function plainString(text: string): string | undefined {
	const value = trimEndSpaces(text);
	const n = value.length;
	if (n === 0) return undefined;
	const first = value.charCodeAt(0) | 32;
	if (!((first >= 97 && first <= 122) || value.charCodeAt(0) === 95)) return undefined;
	let prev = 0;
	for (let i = 0; i < n; i++) {
		const c = value.charCodeAt(i);
		if (!printableCode(c)) return undefined;
		if ((prev === 58 && c === 32) || (prev === 32 && c === 35)) return undefined;
		prev = c;
	}
	if (prev === 58 || (n <= 5 && RESERVED.has(value))) return undefined;
	return value;
}

function printableCode(c: number): boolean {
	return c >= 0x20 && !(c >= 0x7f && c <= 0x9f) && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfeff && c < 0xfffe;
}

function printable(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (!printableCode(text.charCodeAt(i))) return false;
	return true;
}

/** A one-line scalar, or undefined when its YAML reading is not certain. */
function scalar(text: string): Scalar | undefined {
	const first = text.charCodeAt(0);
	if (first === 39 /* ' */) {
		const inner = SINGLE_QUOTED.exec(text)?.[1];
		return inner !== undefined && printable(inner) ? inner.replace(/''/g, "'") : undefined;
	}
	if (first === 34 /* " */) {
		const inner = DOUBLE_QUOTED.exec(text)?.[1];
		return inner !== undefined && printable(inner) ? inner : undefined;
	}
	const value = trimEndSpaces(text);
	if (value === "null" || value === "~") return null;
	if (NUMBER.test(value)) return Number(value);
	return plainString(value);
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
 * The data of a front matter block (its lines between the fences) in the generator's shapes, or null
 * when any line is outside them.
 */
export function readPlainYaml(lines: readonly string[]): Record<string, unknown> | null {
	const data: Record<string, unknown> = {};
	let i = 0;
	while (i < lines.length) {
		const m = KEY_LINE.exec(lines[i] as string);
		if (m === null) return null;
		const key = m[1] as string;
		if (Object.prototype.hasOwnProperty.call(data, key)) return null;
		const rest = m[2] ?? "";
		i++;
		if (trimSpaces(rest) === "") {
			// A block list, or null.
			const items: Scalar[] = [];
			let indent: string | undefined;
			while (i < lines.length) {
				const item = ITEM_LINE.exec(lines[i] as string);
				if (item === null) break;
				if (indent === undefined) indent = item[1];
				else if (item[1] !== indent) return null;
				const v = scalar(item[2] as string);
				if (v === undefined) return null;
				items.push(v);
				i++;
			}
			data[key] = indent === undefined ? null : items;
			continue;
		}
		if (rest.charCodeAt(0) === 91 /* [ */) {
			const list = flowList(rest);
			if (list === undefined) return null;
			data[key] = list;
			continue;
		}
		let value = scalar(rest);
		if (value === undefined) return null;
		// A plain string folded onto indented lines: YAML joins them with single spaces.
		while (i < lines.length && (lines[i] as string).startsWith(" ")) {
			if (typeof value !== "string" || rest.charCodeAt(0) === 39 || rest.charCodeAt(0) === 34) return null;
			const c = CONTINUATION.exec(lines[i] as string);
			const more = c === null ? undefined : plainString(c[1] as string);
			if (more === undefined) return null;
			value = `${value} ${more}`;
			i++;
		}
		data[key] = value;
	}
	return data;
}
