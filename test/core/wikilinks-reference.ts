// The link scanner as it was before its fast path (commit 0908857), kept unchanged as the reference the
// fast path is checked against in wikilinks-fast-path.test.ts. Not used by the plugin.
import type { WikiLink } from "../../src/core/note-record";
import { isTrimSpace } from "../../src/core/white-space";

/** Deeper nesting than this is treated as text (a diagnostic says so); real notes nest two or three deep. */
const MAX_LINK_DEPTH = 32;

type LinkText = Pick<WikiLink, "target" | "alias" | "heading" | "block">;

/** Start/end pairs of inline code spans (backtick runs matched by a run of the same length). */
function inlineCodeSpans(line: string): number[] {
	if (!line.includes("`")) return [];
	const runs: { start: number; len: number }[] = [];
	for (let i = 0; i < line.length; ) {
		if (line.charCodeAt(i) !== 96) {
			i++;
			continue;
		}
		let j = i;
		while (j < line.length && line.charCodeAt(j) === 96) j++;
		runs.push({ start: i, len: j - i });
		i = j;
	}
	// For each run length, the indices of the runs of that length, and a cursor that only moves forward.
	const byLength = new Map<number, { indices: number[]; cursor: number }>();
	runs.forEach((run, index) => {
		const entry = byLength.get(run.len) ?? { indices: [], cursor: 0 };
		entry.indices.push(index);
		byLength.set(run.len, entry);
	});
	const spans: number[] = [];
	for (let k = 0; k < runs.length; k++) {
		const run = runs[k];
		if (!run) break;
		const entry = byLength.get(run.len);
		if (!entry) continue;
		while (entry.cursor < entry.indices.length && (entry.indices[entry.cursor] ?? 0) <= k) entry.cursor++;
		const closeIndex = entry.indices[entry.cursor];
		if (closeIndex === undefined) continue;
		const close = runs[closeIndex];
		if (!close) continue;
		spans.push(run.start, close.start + close.len);
		k = closeIndex;
	}
	return spans;
}

/** Sets target, alias, heading and block reference from the text inside `[[ ]]`. */
function setLinkText(link: LinkText, text: string): void {
	let path = text;
	const pipe = path.indexOf("|");
	if (pipe >= 0) {
		link.alias = path.slice(pipe + 1);
		path = path.slice(0, pipe);
		// `[[a\|b]]` inside a table: the backslash escapes the pipe.
		if (path.charCodeAt(path.length - 1) === 92) path = path.slice(0, -1);
	}
	const hash = path.indexOf("#");
	if (hash >= 0) {
		const sub = path.slice(hash + 1);
		path = path.slice(0, hash);
		if (sub.charCodeAt(0) === 94 /* ^ */) link.block = sub.slice(1);
		else link.heading = sub;
	}
	// Most targets have no white space around them: no trim call.
	link.target = isTrimSpace(path.charCodeAt(0)) || isTrimSpace(path.charCodeAt(path.length - 1)) ? path.trim() : path;
}

/**
 * `text` without its `[[` and `]]` (what `replace(/\[\[|\]\]/g, "")` gives: pairs taken from left to
 * right). Found with a search for either bracket: cheaper than the regex replace. The generator links
 * concepts inside titles, so footer links to titles are often nested.
 */
function withoutDoubleBrackets(text: string): string {
	let out = "";
	let kept = 0;
	let open = text.indexOf("[");
	let close = text.indexOf("]");
	while (open >= 0 || close >= 0) {
		const at = close < 0 || (open >= 0 && open < close) ? open : close;
		const c = text.charCodeAt(at);
		let next = at + 1;
		if (text.charCodeAt(at + 1) === c) {
			out += text.slice(kept, at);
			next = at + 2;
			kept = next;
		}
		if (open >= 0 && open < next) open = text.indexOf("[", next);
		if (close >= 0 && close < next) close = text.indexOf("]", next);
	}
	return kept === 0 ? text : out + text.slice(kept);
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
