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

/**
 * Scans one line (no newline) for wikilinks. `lineNo` is 1-based, `lineStart` the line's offset in the
 * text; `skipCode` skips inline code spans. Links come out in text order, an outer link before its inner ones.
 */
export function scanLineLinks(line: string, lineNo: number, lineStart: number, skipCode = true): LineLinkScan {
	const links: WikiLink[] = [];
	if (!line.includes("[[")) return { links, tooDeep: false };
	const code = skipCode ? inlineCodeSpans(line) : [];
	let codeAt = 0;
	const stack: Open[] = [];
	const parents: (Open | undefined)[] = [];
	let tooDeep = false;
	const n = line.length;
	for (let i = 0; i < n; ) {
		const next = code[codeAt];
		if (next !== undefined && i >= next) {
			i = Math.max(i, code[codeAt + 1] ?? n);
			codeAt += 2;
			continue;
		}
		const c = line.charCodeAt(i);
		if (c === 91 && line.charCodeAt(i + 1) === 91) {
			if (stack.length < MAX_LINK_DEPTH) {
				const embed = stack.length === 0 && i > 0 && line.charCodeAt(i - 1) === 33;
				stack.push({ pos: i, embed, hadInner: false, closed: false });
			} else {
				tooDeep = true;
			}
			i += 2;
		} else if (c === 93 && line.charCodeAt(i + 1) === 93 && stack.length > 0) {
			const open = stack.pop() as Open;
			open.closed = true;
			const parent = stack[stack.length - 1];
			if (parent) parent.hadInner = true;
			const inside = line.slice(open.pos + 2, i);
			const repaired = open.hadInner ? inside.replace(/\[\[|\]\]/g, "") : inside;
			const parts = splitLinkText(repaired);
			if (parts.target !== "") {
				const start = open.embed ? open.pos - 1 : open.pos;
				links.push({
					...parts,
					embed: open.embed,
					nested: open.hadInner,
					inner: parent !== undefined,
					raw: line.slice(start, i + 2),
					line: lineNo,
					column: start,
					start: lineStart + start,
					end: lineStart + i + 2,
				});
				parents.push(parent);
			}
			i += 2;
		} else {
			i++;
		}
	}
	// An inner link whose outer brackets never closed on this line is a plain link after all.
	links.forEach((link, k) => {
		if (link.inner && !parents[k]?.closed) link.inner = false;
	});
	// Inner links close first; report them in reading order instead.
	if (links.length > 1) links.sort((a, b) => a.start - b.start);
	return { links, tooDeep };
}
