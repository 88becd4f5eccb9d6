// Finds [[wikilinks]] in one line of Markdown, the way the chat2obs notes need it: nested links
// (`[[a [[b]] c]]`) give the repaired outer link plus each inner one, inline code is skipped, and the
// scan is linear in the line length whatever the input.
import type { WikiLink } from "./note-record";
import { isTrimSpace } from "./white-space";

/** Deeper nesting than this is treated as text (a diagnostic says so); real notes nest two or three deep. */
export const MAX_LINK_DEPTH = 32;

export interface LineLinkScan {
	links: WikiLink[];
	/** The line nested links deeper than MAX_LINK_DEPTH. */
	tooDeep: boolean;
}

/** The answer for a line without `[[` (most lines): shared, frozen. */
const NO_LINKS: LineLinkScan = Object.freeze({ links: Object.freeze([]) as unknown as WikiLink[], tooDeep: false });

type LinkText = Pick<WikiLink, "target" | "alias" | "heading" | "block">;

/** Start/end pairs of inline code spans (backtick runs matched by a run of the same length). */
export function inlineCodeSpans(line: string): number[] {
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

/** Splits the text inside `[[ ]]` into target, alias, heading and block reference. */
export function splitLinkText(text: string): LinkText {
	const parts: LinkText = { target: "", alias: null, heading: null, block: null };
	setLinkText(parts, text);
	return parts;
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
/** readNested's inner links: `[[` and `]]` places. */
const INNER_BRACKETS: number[] = [];

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

/**
 * The first place at or after `position` of `char` twice (`[[`, `]]`; `code`: its char code), or the
 * text's length when there is none. A search for one character, then a look at the next, costs less than a
 * search for two (one bracket alone is rare).
 */
function findDoubled(text: string, char: string, code: number, position: number): number {
	let at = text.indexOf(char, position);
	while (at >= 0 && text.charCodeAt(at + 1) !== code) at = text.indexOf(char, at + 1);
	return at < 0 ? text.length : at;
}

/** The first place at or after `position` of `char`, or the text's length when there is none. */
function findChar(text: string, char: string, position: number): number {
	const at = text.indexOf(char, position);
	return at < 0 ? text.length : at;
}

/** isTrimSpace with the common answer first: most characters are printable ASCII (a call saved). */
function isEdgeSpace(c: number): boolean {
	return (c <= 32 || c >= 0xa0) && isTrimSpace(c);
}

/**
 * Finds the links of the lines of one text, line after line in order. It remembers where the next `[[`,
 * `]]` and backtick are, so a search never runs over the same text twice: a line without links costs a
 * comparison, and a bracket with no partner later in the note is looked for once, not once per line.
 */
export class LinkScanner {
	// Cursors: the first `[[`, `]]`, backtick, `|` and `#` at or after the last position asked for (-1: not
	// looked for yet; the text's length: none). Positions asked only grow, so an answer stays good until a
	// position past it is asked for. Plain fields and small methods that V8 inlines, no object per cursor.
	private openAt = -1;
	private closeAt = -1;
	private tickAt = -1;
	private pipeAt = -1;
	private hashAt = -1;

	constructor(
		private readonly text: string,
		private readonly skipCode = true,
	) {}

	private nextOpen(position: number): number {
		return this.openAt >= position ? this.openAt : (this.openAt = findDoubled(this.text, "[", 91, position));
	}

	private nextClose(position: number): number {
		return this.closeAt >= position ? this.closeAt : (this.closeAt = findDoubled(this.text, "]", 93, position));
	}

	private nextTick(position: number): number {
		return this.tickAt >= position ? this.tickAt : (this.tickAt = findChar(this.text, "`", position));
	}

	private nextPipe(position: number): number {
		return this.pipeAt >= position ? this.pipeAt : (this.pipeAt = findChar(this.text, "|", position));
	}

	private nextHash(position: number): number {
		return this.hashAt >= position ? this.hashAt : (this.hashAt = findChar(this.text, "#", position));
	}

	/** Where the next `[[` at or after `from` is (the text's length when there is none); positions asked only grow. */
	nextLinkStart(from: number): number {
		return this.nextOpen(from);
	}

	/**
	 * Appends the links of the line `text[from, to)` to `out`, in text order, an outer link before its inner
	 * ones. `lineNo` is 1-based; `base` is added to offsets. Returns true when links nested too deep.
	 */
	scanLine(from: number, to: number, lineNo: number, base: number, out: WikiLink[]): boolean {
		let open = this.nextOpen(from);
		if (open >= to) return false;
		if (this.skipCode && this.nextTick(from) < to) return this.scanNested(open, from, to, lineNo, base, out, inlineCodeSpans(this.text.slice(from, to)));
		// The fast path, for links that hold no other link (nearly all of them). The `[[` after this one is
		// needed anyway (for the next link); when it comes after the `]]`, this link is a plain one, and its
		// `|` and `#` come from cursors over the whole note (a comparison per link in most notes, which hold
		// few of either), so the link is cut from the note's text without a slice of its inside text and the
		// searches in it. A builtin search costs about as much as reading six characters with charCodeAt,
		// so no character loop either. In a line without backticks this gives what the general scan below
		// gives: the first `]]` after an `[[` closes it unless an `[[` comes first, and then that scan takes over.
		while (open < to) {
			const close = this.nextClose(open + 2);
			const next = this.nextOpen(open + 2);
			if (next < close && next < to) {
				// An inner link: the footer's `[[title with [[concept]] words]]`.
				const after = this.readNested(open, next, close, from, to, lineNo, base, out);
				if (after >= 0) {
					open = after;
					continue;
				}
				// Not the simple shape: the general scan takes the line from this link on, with the
				// cursors put back where they were after this link's `[[` (see readNested).
				this.openAt = next;
				this.closeAt = close;
				return this.scanNested(open, from, to, lineNo, base, out, null);
			}
			if (close >= to) return false; // an `[[` never closed on its line is text
			const text = this.text;
			const start = open > from && text.charCodeAt(open - 1) === 33 ? open - 1 : open;
			let link: WikiLink | null;
			if (this.nextPipe(open + 2) > close && this.nextHash(open + 2) > close) {
				// No `|` or `#`: what plainLink does, written out here because V8 then inlines the cursor
				// searches into this loop (a call to plainLink here costs about 2M instructions a round).
				let target = text.slice(open + 2, close);
				if (isEdgeSpace(text.charCodeAt(open + 2)) || isEdgeSpace(text.charCodeAt(close - 1))) target = target.trim();
				link = target === "" ? null : newLink(target, null, null, null, start < open, false, false, text.slice(start, close + 2), lineNo, start - from, base + start, base + close + 2);
			} else {
				link = this.plainLink(start, open, close, false, lineNo, from, base);
			}
			if (link !== null) out.push(link);
			open = next;
		}
		return false;
	}

	/**
	 * Reads a link at `open` that holds inner links, the first at `next` closing at `close`, when it has the
	 * shape the general scan reads as: outer link closed on this line, inner links that hold no link and
	 * close on this line. Appends the outer link, then the inner ones (inner: true), and returns where the
	 * next `[[` is. Otherwise appends nothing and returns -1; the caller then puts the `[[` and `]]` cursors
	 * back to `next` and `close` (what they held after the searches from `open + 2`), so the general scan
	 * that takes over finds them as it would have, and the work done here is at most done twice.
	 */
	private readNested(open: number, next: number, close: number, from: number, to: number, lineNo: number, base: number, out: WikiLink[]): number {
		const text = this.text;
		// The inner links' brackets, an `[[` and a `]]` place each: shared, as a scan never runs inside another.
		const inner = INNER_BRACKETS;
		let count = 0;
		let innerOpen = next;
		let innerClose = close;
		let after: number;
		let outerClose: number;
		for (;;) {
			if (innerClose >= to) return -1; // the inner link does not close on this line
			after = this.nextOpen(innerOpen + 2);
			if (after < innerClose) return -1; // a third level
			inner[count++] = innerOpen;
			inner[count++] = innerClose;
			outerClose = this.nextClose(innerClose + 2);
			if (after >= outerClose || after >= to) break;
			// Another inner link: it closes at the first `]]` after the last one.
			innerOpen = after;
			innerClose = outerClose;
		}
		if (outerClose >= to) return -1; // the outer link does not close on this line
		// The outer link's text is its inside without the inner brackets: the stretches between them.
		let stripped = text.slice(open + 2, next);
		for (let k = 0; k < count; k += 2) {
			const innerEnd = inner[k + 1] as number;
			stripped += text.slice((inner[k] as number) + 2, innerEnd);
			const nextInner = k + 2 < count ? (inner[k + 2] as number) : outerClose;
			stripped += text.slice(innerEnd + 2, nextInner);
		}
		const start = open > from && text.charCodeAt(open - 1) === 33 ? open - 1 : open;
		const raw = text.slice(start, outerClose + 2);
		const end = base + outerClose + 2;
		if (this.nextPipe(open + 2) < outerClose || this.nextHash(open + 2) < outerClose) {
			const parts = splitLinkText(stripped);
			if (parts.target !== "") out.push(newLink(parts.target, parts.alias, parts.heading, parts.block, start < open, true, false, raw, lineNo, start - from, base + start, end));
		} else {
			// Most titles have no white space at their ends: no trim call.
			if (isEdgeSpace(stripped.charCodeAt(0)) || isEdgeSpace(stripped.charCodeAt(stripped.length - 1))) stripped = stripped.trim();
			if (stripped !== "") out.push(newLink(stripped, null, null, null, start < open, true, false, raw, lineNo, start - from, base + start, end));
		}
		for (let k = 0; k < count; k += 2) {
			const at = inner[k] as number;
			const atClose = inner[k + 1] as number;
			const link = this.plainLink(at, at, atClose, true, lineNo, from, base);
			if (link !== null) out.push(link);
		}
		return after;
	}

	/**
	 * The general scan of a line from its `[[` at `nextOpen` on, for nested links and lines with inline
	 * code (`code`: the line's code spans, from inlineCodeSpans). Returns true when links nested too deep.
	 */
	private scanNested(nextOpen: number, from: number, to: number, lineNo: number, base: number, out: WikiLink[], code: number[] | null): boolean {
		const text = this.text;
		const first = out.length;
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
					nextOpen = this.nextOpen(from + spanEnd);
					nextClose = depth > 0 ? this.nextClose(from + spanEnd) : -1;
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
				nextOpen = this.nextOpen(at + 2);
				if (nextClose < at + 2) nextClose = this.nextClose(at + 2);
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
			nextClose = depth > 0 ? this.nextClose(at + 2) : -1;
			if (nextOpen < at + 2) nextOpen = this.nextOpen(at + 2);
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
		const start = (flags & EMBED) !== 0 ? open - 1 : open;
		if ((flags & HAD_INNER) !== 0) {
			// A nested link's target is its text with the inner brackets removed: a new string to split.
			const parts = splitLinkText(withoutDoubleBrackets(this.text.slice(open + 2, close)));
			if (parts.target === "") return null;
			return newLink(parts.target, parts.alias, parts.heading, parts.block, start < open, true, inner, this.text.slice(start, close + 2), lineNo, start - lineFrom, base + start, base + close + 2);
		}
		const text = this.text;
		let pipe = -1;
		let hash = -1;
		for (let i = open + 2; i < close; i++) {
			const c = text.charCodeAt(i);
			if (c === 124) {
				pipe = i;
				break;
			}
			if (c === 35 && hash < 0) hash = i;
		}
		return this.cutLink(start, open + 2, close, pipe, hash, inner, lineNo, lineFrom, base);
	}

	/**
	 * The link whose `[[` is at `open` (`start`: at its `!` when embedded) and `]]` at `close`, holding no
	 * other link, or null when its target is empty. Positions asked only grow (the `|` and `#` cursors).
	 */
	private plainLink(start: number, open: number, close: number, inner: boolean, lineNo: number, lineFrom: number, base: number): WikiLink | null {
		if (this.nextPipe(open + 2) > close && this.nextHash(open + 2) > close) {
			// No `|` or `#`: the target is the inside text (the common case, kept small for inlining).
			const text = this.text;
			let target = text.slice(open + 2, close);
			if (isEdgeSpace(text.charCodeAt(open + 2)) || isEdgeSpace(text.charCodeAt(close - 1))) target = target.trim();
			if (target === "") return null;
			return newLink(target, null, null, null, start < open, false, inner, text.slice(start, close + 2), lineNo, start - lineFrom, base + start, base + close + 2);
		}
		let pipe = this.nextPipe(open + 2);
		if (pipe > close) pipe = -1;
		let hash = this.nextHash(open + 2);
		if (hash > (pipe < 0 ? close : pipe)) hash = -1;
		return this.cutLink(start, open + 2, close, pipe, hash, inner, lineNo, lineFrom, base);
	}

	/**
	 * The plain link with brackets at `start` (`!` or `[[`) and `close` (`]]`) and text from `from`, its
	 * first `|` at `pipe` and its first `#` before that at `hash` (-1: none), or null when its target is
	 * empty. What setLinkText gives for the inside text, but cut from the note's text.
	 */
	private cutLink(start: number, from: number, close: number, pipe: number, hash: number, inner: boolean, lineNo: number, lineFrom: number, base: number): WikiLink | null {
		const text = this.text;
		let alias: string | null = null;
		let heading: string | null = null;
		let block: string | null = null;
		let end = close;
		if (pipe >= 0) {
			alias = text.slice(pipe + 1, close);
			// `[[a\|b]]` inside a table: the backslash escapes the pipe.
			end = pipe > from && text.charCodeAt(pipe - 1) === 92 ? pipe - 1 : pipe;
		}
		if (hash >= 0) {
			if (hash + 1 < end && text.charCodeAt(hash + 1) === 94 /* ^ */) block = text.slice(hash + 2, end);
			else heading = text.slice(hash + 1, end);
			end = hash;
		}
		if (end === from) return null;
		let target = text.slice(from, end);
		// Most targets have no white space around them: no trim call.
		if (isEdgeSpace(text.charCodeAt(from)) || isEdgeSpace(text.charCodeAt(end - 1))) {
			target = target.trim();
			if (target === "") return null;
		}
		return newLink(target, alias, heading, block, start !== from - 2, false, inner, text.slice(start, close + 2), lineNo, start - lineFrom, base + start, base + close + 2);
	}
}

/** A link with every field set at once, in WikiLink's order: one object shape for all links. */
function newLink(target: string, alias: string | null, heading: string | null, block: string | null, embed: boolean, nested: boolean, inner: boolean, raw: string, line: number, column: number, start: number, end: number): WikiLink {
	return { target, alias, heading, block, embed, nested, inner, raw, line, column, start, end };
}

/**
 * Scans one line (no newline) for wikilinks. `lineNo` is 1-based, `lineStart` the line's offset in the
 * text; `skipCode` skips inline code spans. Links come out in text order, an outer link before its inner ones.
 */
export function scanLineLinks(line: string, lineNo: number, lineStart: number, skipCode = true): LineLinkScan {
	if (!line.includes("[[")) return NO_LINKS;
	const links: WikiLink[] = [];
	const tooDeep = new LinkScanner(line, skipCode).scanLine(0, line.length, lineNo, lineStart, links);
	return { links, tooDeep };
}
