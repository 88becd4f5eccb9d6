// Finds [[wikilinks]] in one line of Markdown, the way the chat2obs notes need it: nested links
// (`[[a [[b]] c]]`) give the repaired outer link plus each inner one, inline code is skipped, and the
// scan is linear in the line length whatever the input.
import type { WikiLink } from "./note-record";

/** Deeper nesting than this is treated as text (a diagnostic says so); real notes nest two or three deep. */
export const MAX_LINK_DEPTH = 32;

export interface LineLinkScan {
	links: WikiLink[];
	/** The line nested links deeper than MAX_LINK_DEPTH. */
	tooDeep: boolean;
}

/** The answer for a line without `[[` (most lines): shared, frozen. */
const NO_LINKS: LineLinkScan = Object.freeze({ links: Object.freeze([]) as unknown as WikiLink[], tooDeep: false });

interface Open {
	pos: number;
	embed: boolean;
	hadInner: boolean;
	closed: boolean;
}

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

/** Splits the text inside `[[ ]]` into target, alias, heading and block reference. */
export function splitLinkText(text: string): Pick<WikiLink, "target" | "alias" | "heading" | "block"> {
	let path = text;
	let alias: string | null = null;
	const pipe = path.indexOf("|");
	if (pipe >= 0) {
		alias = path.slice(pipe + 1);
		path = path.slice(0, pipe);
		// `[[a\|b]]` inside a table: the backslash escapes the pipe.
		if (path.endsWith("\\")) path = path.slice(0, -1);
	}
	let heading: string | null = null;
	let block: string | null = null;
	const hash = path.indexOf("#");
	if (hash >= 0) {
		const sub = path.slice(hash + 1);
		path = path.slice(0, hash);
		if (sub.startsWith("^")) block = sub.slice(1);
		else heading = sub;
	}
	return { target: path.trim(), alias, heading, block };
}

function makeLink(line: string, text: string, open: Open, close: number, inner: boolean, lineNo: number, lineStart: number): WikiLink | null {
	const { target, alias, heading, block } = splitLinkText(text);
	if (target === "") return null;
	const start = open.embed ? open.pos - 1 : open.pos;
	return {
		target,
		alias,
		heading,
		block,
		embed: open.embed,
		nested: open.hadInner,
		inner,
		raw: line.slice(start, close + 2),
		line: lineNo,
		column: start,
		start: lineStart + start,
		end: lineStart + close + 2,
	};
}

const OPEN_STACK: Open[] = [];

function sortByStart(links: WikiLink[]): void {
	// A hostile line may hold thousands of nested links: past a few, Array.sort keeps it n log n.
	if (links.length > 16) {
		links.sort((a, b) => a.start - b.start);
		return;
	}
	for (let i = 1; i < links.length; i++) {
		const link = links[i] as WikiLink;
		let j = i - 1;
		while (j >= 0 && (links[j] as WikiLink).start > link.start) {
			links[j + 1] = links[j] as WikiLink;
			j--;
		}
		links[j + 1] = link;
	}
}

/**
 * Scans one line (no newline) for wikilinks. `lineNo` is 1-based, `lineStart` the line's offset in the
 * text; `skipCode` skips inline code spans. Links come out in text order, an outer link before its inner ones.
 * Jumps from bracket pair to bracket pair with indexOf, so plain text costs next to nothing.
 */
export function scanLineLinks(line: string, lineNo: number, lineStart: number, skipCode = true): LineLinkScan {
	let nextOpen = line.indexOf("[[");
	if (nextOpen < 0) return NO_LINKS;
	const links: WikiLink[] = [];
	const code = skipCode && line.includes("`") ? inlineCodeSpans(line) : null;
	let codeAt = 0;
	// One stack for every call (this function never runs inside itself): a line with links is common.
	const stack = OPEN_STACK;
	stack.length = 0;
	/** Inner links, with the outer link they stand in, until that one closes (or the line ends). */
	let pendingInner: { link: WikiLink; parent: Open }[] | null = null;
	let tooDeep = false;
	let nextClose = line.indexOf("]]");
	while (nextOpen >= 0 || (nextClose >= 0 && stack.length > 0)) {
		const isOpen = nextOpen >= 0 && (nextClose < 0 || nextOpen < nextClose);
		const at = isOpen ? nextOpen : nextClose;
		if (code !== null) {
			// Skip code spans that end at or before `at`; if `at` is inside one, resume after it.
			while (codeAt < code.length && (code[codeAt + 1] ?? 0) <= at) codeAt += 2;
			const spanStart = code[codeAt];
			const spanEnd = code[codeAt + 1];
			if (spanStart !== undefined && spanEnd !== undefined && at >= spanStart) {
				nextOpen = line.indexOf("[[", spanEnd);
				nextClose = line.indexOf("]]", spanEnd);
				continue;
			}
		}
		if (isOpen) {
			if (stack.length < MAX_LINK_DEPTH) {
				const embed = stack.length === 0 && at > 0 && line.charCodeAt(at - 1) === 33;
				stack.push({ pos: at, embed, hadInner: false, closed: false });
			} else {
				tooDeep = true;
			}
			nextOpen = line.indexOf("[[", at + 2);
			if (nextClose >= 0 && nextClose < at + 2) nextClose = line.indexOf("]]", at + 2);
			continue;
		}
		const open = stack.pop();
		if (open === undefined) {
			// `]]` with nothing open is text.
			nextClose = line.indexOf("]]", at + 1);
			continue;
		}
		open.closed = true;
		const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
		if (parent) parent.hadInner = true;
		const inside = line.slice(open.pos + 2, at);
		const link = makeLink(line, open.hadInner ? inside.replace(/\[\[|\]\]/g, "") : inside, open, at, parent !== undefined, lineNo, lineStart);
		if (link) {
			links.push(link);
			if (parent) (pendingInner ??= []).push({ link, parent });
		}
		nextClose = line.indexOf("]]", at + 2);
		if (nextOpen >= 0 && nextOpen < at + 2) nextOpen = line.indexOf("[[", at + 2);
	}
	if (pendingInner !== null) {
		// An inner link whose outer brackets never closed on this line is a plain link after all.
		for (const { link, parent } of pendingInner) if (!parent.closed) link.inner = false;
		// Inner links close first; report them in reading order instead.
		sortByStart(links);
	}
	return { links, tooDeep };
}
