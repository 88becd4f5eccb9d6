// The link scanner as it was before its fast path (commit 0908857), kept as the reference the fast path is
// checked against in wikilinks-fast-path.test.ts. Not used by the plugin.
import type { WikiLink } from "../../src/core/note-record";
import { inlineCodeSpans, splitLinkText } from "../../src/core/wikilinks";

/** Deeper nesting than this is treated as text (a diagnostic says so); real notes nest two or three deep. */
const MAX_LINK_DEPTH = 32;

/**
 * Target, alias, heading and block from the text inside `[[ ]]`. The reference uses the plugin's own
 * splitter and code span finder (the fast path did not change them; they have tests of their own).
 */
function setLinkText(link: WikiLink, text: string): void {
	const parts = splitLinkText(text);
	link.target = parts.target;
	link.alias = parts.alias;
	link.heading = parts.heading;
	link.block = parts.block;
}

/** `text` without its `[[` and `]]`, pairs taken from left to right: the plain regex form. */
function withoutDoubleBrackets(text: string): string {
	return text.replace(/\[\[|\]\]/g, "");
}

// The open brackets of the line being scanned, as a stack of parallel arrays (no object per link):
// position of the `[[`, and flags. Shared by every call: a scan never runs inside another.
const OPEN_POS: number[] = [];
const OPEN_FLAGS: number[] = [];
const EMBED = 1;
const HAD_INNER = 2;
/** Inner links whose outer link has not closed yet (their index in `out`), with the stack depth of that outer link. */
const PENDING_LINK: number[] = [];
const PENDING_DEPTH: number[] = [];

/** Sorts `links[from..]` by start (inner links close, and so come out, before their outer link). */
function sortByStart(links: WikiLink[], from: number): void {
	// A hostile line may hold thousands of nested links: past a few, Array.sort keeps it n log n.
	if (links.length - from > 16) {
		const sorted = links.slice(from).sort((a, b) => a.start - b.start);
		for (let i = 0; i < sorted.length; i++) links[from + i] = sorted[i] as WikiLink;
		return;
	}
	for (let i = from + 1; i < links.length; i++) {
		const link = links[i] as WikiLink;
		let j = i - 1;
		while (j >= from && (links[j] as WikiLink).start > link.start) {
			links[j + 1] = links[j] as WikiLink;
			j--;
		}
		links[j + 1] = link;
	}
}

/** The next place of `needle` in a text, for positions asked in increasing order: each search starts where the last one ended. */
class Cursor {
	/** The first occurrence at or after the last position asked for; the text's length when there is none. */
	private at = -1;

	constructor(
		private readonly text: string,
		private readonly needle: string,
	) {}

	from(position: number): number {
		if (this.at < position) {
			const at = this.needle.length === 2 ? this.doubled(position) : this.text.indexOf(this.needle, position);
			this.at = at < 0 ? this.text.length : at;
		}
		return this.at;
	}

	/**
	 * The needle's place when it is one character twice (`[[`, `]]`), or -1: a search for one character,
	 * then a look at the next, costs less than a search for two (one bracket alone is rare).
	 */
	private doubled(position: number): number {
		const char = this.needle.charAt(0);
		const code = this.needle.charCodeAt(0);
		let at = this.text.indexOf(char, position);
		while (at >= 0 && this.text.charCodeAt(at + 1) !== code) at = this.text.indexOf(char, at + 1);
		return at;
	}
}

/**
 * Finds the links of the lines of one text, line after line in order. It remembers where the next `[[`,
 * `]]` and backtick are, so a search never runs over the same text twice: a line without links costs a
 * comparison, and a bracket with no partner later in the note is looked for once, not once per line.
 */
export class ReferenceLinkScanner {
	private readonly opens: Cursor;
	private readonly closes: Cursor;
	private readonly ticks: Cursor;

	constructor(
		private readonly text: string,
		private readonly skipCode = true,
	) {
		this.opens = new Cursor(text, "[[");
		this.closes = new Cursor(text, "]]");
		this.ticks = new Cursor(text, "`");
	}

	/** Where the next `[[` at or after `from` is (the text's length when there is none); positions asked only grow. */
	nextLinkStart(from: number): number {
		return this.opens.from(from);
	}

	/**
	 * Appends the links of the line `text[from, to)` to `out`, in text order, an outer link before its inner
	 * ones. `lineNo` is 1-based; `base` is added to offsets. Returns true when links nested too deep.
	 */
	scanLine(from: number, to: number, lineNo: number, base: number, out: WikiLink[]): boolean {
		let nextOpen = this.opens.from(from);
		if (nextOpen >= to) return false;
		const text = this.text;
		const first = out.length;
		const code = this.skipCode && this.ticks.from(from) < to ? inlineCodeSpans(text.slice(from, to)) : null;
		let codeAt = 0;
		let depth = 0;
		let pending = 0;
		let madeInner = false;
		let tooDeep = false;
		// A `]]` matters only while a link is open (before that it is text): it is looked for from each
		// outermost `[[` on, so the search runs over the links' text and not over the whole note. -1: not yet.
		let nextClose = -1;
		while (nextOpen < to || (depth > 0 && nextClose < to)) {
			const isOpen = nextOpen < to && (depth === 0 || nextClose >= to || nextOpen < nextClose);
			const at = isOpen ? nextOpen : nextClose;
			if (code !== null) {
				// Skip code spans that end at or before `at`; if `at` is inside one, resume after it.
				while (codeAt < code.length && (code[codeAt + 1] ?? 0) <= at - from) codeAt += 2;
				const spanStart = code[codeAt];
				const spanEnd = code[codeAt + 1];
				if (spanStart !== undefined && spanEnd !== undefined && at - from >= spanStart) {
					nextOpen = this.opens.from(from + spanEnd);
					nextClose = depth > 0 ? this.closes.from(from + spanEnd) : -1;
					continue;
				}
			}
			if (isOpen) {
				if (depth < MAX_LINK_DEPTH) {
					OPEN_POS[depth] = at;
					OPEN_FLAGS[depth] = depth === 0 && at > from && text.charCodeAt(at - 1) === 33 ? EMBED : 0;
					depth++;
				} else {
					tooDeep = true;
				}
				nextOpen = this.opens.from(at + 2);
				if (nextClose < at + 2) nextClose = this.closes.from(at + 2);
				continue;
			}
			depth--;
			// Inner links waiting for this link to close: it did, so they stay inner.
			while (pending > 0 && (PENDING_DEPTH[pending - 1] as number) >= depth) pending--;
			if (depth > 0) OPEN_FLAGS[depth - 1] = (OPEN_FLAGS[depth - 1] as number) | HAD_INNER;
			const link = this.makeLink(OPEN_POS[depth] as number, OPEN_FLAGS[depth] as number, at, depth > 0, lineNo, from, base);
			if (link) {
				out.push(link);
				if (depth > 0) {
					madeInner = true;
					PENDING_LINK[pending] = out.length - 1;
					PENDING_DEPTH[pending] = depth - 1;
					pending++;
				}
			}
			nextClose = depth > 0 ? this.closes.from(at + 2) : -1;
			if (nextOpen < at + 2) nextOpen = this.opens.from(at + 2);
		}
		if (madeInner) {
			// An inner link whose outer brackets never closed on this line is a plain link after all.
			for (let k = 0; k < pending; k++) (out[PENDING_LINK[k] as number] as WikiLink).inner = false;
			sortByStart(out, first);
		}
		return tooDeep;
	}

	/** The link whose `[[` is at `open` and `]]` at `close`, or null when its target is empty. */
	private makeLink(open: number, flags: number, close: number, inner: boolean, lineNo: number, lineFrom: number, base: number): WikiLink | null {
		const nested = (flags & HAD_INNER) !== 0;
		const start = (flags & EMBED) !== 0 ? open - 1 : open;
		const link: WikiLink = {
			target: "",
			alias: null,
			heading: null,
			block: null,
			embed: (flags & EMBED) !== 0,
			nested,
			inner,
			raw: "",
			line: lineNo,
			column: start - lineFrom,
			start: base + start,
			end: base + close + 2,
		};
		const inside = this.text.slice(open + 2, close);
		// A nested link's target is its text with the inner brackets removed.
		setLinkText(link, nested ? withoutDoubleBrackets(inside) : inside);
		if (link.target === "") return null;
		link.raw = this.text.slice(start, close + 2);
		return link;
	}
}
