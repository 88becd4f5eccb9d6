// Pure: what the panel, the status bar and the navigation commands show for one note, read from the index.
// No DOM and no Obsidian API here, so every case is testable in Node.
import { messageIdsOf, nestedLinks, type IndexedNote, type LinkRef } from "../core/indexed-note";
import { basenameOf, isConversationNote } from "../core/note-record";
import type { Thread, ThreadIndexReader, UnresolvedCount } from "../core/thread-model";

/** "Claude" for claude, "ChatGPT" for oai, else the raw name. */
export function sourceLabel(source: string): string {
	switch (source.toLowerCase()) {
		case "claude":
			return "Claude";
		case "oai":
		case "openai":
		case "chatgpt":
			return "ChatGPT";
		default:
			return source;
	}
}

export function displayName(index: ThreadIndexReader, path: string): string {
	const title = index.note(path)?.title;
	return title !== null && title !== undefined && title.trim() !== "" ? title : basenameOf(path);
}

/** Where the user stands in a thread; `hint` is a remembered position (a merged note can stand at several). */
export interface ThreadPosition {
	thread: Thread;
	/** 0-based index in thread.entries. */
	position: number;
	total: number;
	prev: string | null;
	next: string | null;
	first: string | null;
	last: string | null;
}

export interface PositionHint {
	threadId: string;
	path: string;
	position: number;
}

function pickThread(threads: Thread[], path: string, hint: PositionHint | null): { thread: Thread; position: number } | null {
	if (hint && hint.path === path) {
		const hinted = threads.find((t) => t.id === hint.threadId);
		const entry = hinted?.entries[hint.position];
		if (hinted && entry && entry.kind === "note" && entry.path === path) return { thread: hinted, position: hint.position };
	}
	for (const thread of threads) {
		const position = thread.entries.findIndex((e) => e.kind === "note" && e.path === path);
		if (position >= 0) return { thread, position };
	}
	return null;
}

function noteAt(thread: Thread, from: number, step: 1 | -1, path: string): string | null {
	for (let i = from; i >= 0 && i < thread.entries.length; i += step) {
		const entry = thread.entries[i];
		if (entry && entry.kind === "note" && entry.path !== path) return entry.path;
	}
	return null;
}

/** Position and neighbours of a note in its (first, or hinted) thread; null when it is in no thread. */
export function threadPosition(index: ThreadIndexReader, path: string, hint: PositionHint | null = null): ThreadPosition | null {
	const picked = pickThread(index.threadsOf(path), path, hint);
	if (!picked) return null;
	const { thread, position } = picked;
	const first = noteAt(thread, 0, 1, path);
	const last = noteAt(thread, thread.entries.length - 1, -1, path);
	return {
		thread,
		position,
		total: thread.entries.length,
		prev: noteAt(thread, position - 1, -1, path),
		next: noteAt(thread, position + 1, 1, path),
		first: first !== null && thread.entries.findIndex((e) => e.kind === "note") < position ? first : null,
		last: last !== null && lastNoteIndex(thread) > position ? last : null,
	};
}

function lastNoteIndex(thread: Thread): number {
	for (let i = thread.entries.length - 1; i >= 0; i--) if (thread.entries[i]?.kind === "note") return i;
	return -1;
}

/** Index of the entry a path should land on when the user moves from `from` to `path` (nearest in direction). */
export function landingPosition(thread: Thread, from: number, path: string, direction: "prev" | "next" | "first" | "last"): number {
	const step = direction === "prev" || direction === "last" ? -1 : 1;
	const start = direction === "first" ? 0 : direction === "last" ? thread.entries.length - 1 : from + step;
	for (let i = start; i >= 0 && i < thread.entries.length; i += step) {
		const entry = thread.entries[i];
		if (entry && entry.kind === "note" && entry.path === path) return i;
	}
	return thread.entries.findIndex((e) => e.kind === "note" && e.path === path);
}

export type EntryModel =
	| { kind: "note"; index: number; path: string; label: string; current: boolean; sameNote: boolean; fork: boolean; cycle: boolean; selfLink: boolean }
	| { kind: "missing"; index: number; target: string };

export interface ThreadModel {
	id: string;
	sources: string[];
	/** 0-based position of the current note, -1 when it stands only at a hinted place elsewhere. */
	position: number;
	total: number;
	entries: EntryModel[];
	forkCount: number;
	cycleCount: number;
}

export interface UnresolvedItem {
	target: string;
	count: number;
	/** The raw nested link this target was repaired from, if any. */
	nestedRaw: string | null;
}

export interface LinkItem {
	target: string;
	/** The file it resolves to, or null. */
	path: string | null;
}

export interface NoteModel {
	kind: "note";
	path: string;
	title: string;
	/** ISO-8601, formatted by the view in the user's locale. */
	date: string | null;
	sources: { raw: string; label: string }[];
	conversationIds: string[];
	messageIds: string[];
	categories: string[];
	tags: string[];
	threads: ThreadModel[];
	/** The thread shown first (hint or first); navigation works on it. */
	navigation: ThreadPosition | null;
	unresolvedNote: UnresolvedItem[];
	unresolvedThread: UnresolvedItem[];
	seeAlso: LinkItem[];
	diagnostics: string[];
}

export interface IndexState {
	ready: boolean;
	done: number;
	total: number;
}

export type PanelModel =
	| { kind: "no-note" }
	| { kind: "building"; done: number; total: number }
	| { kind: "empty-vault" }
	| { kind: "not-conversation"; path: string }
	| NoteModel;

function nestedRawByTarget(record: IndexedNote): Map<string, string> {
	const map = new Map<string, string>();
	for (const link of nestedLinks(record)) {
		const key = link.target.toLowerCase();
		if (!map.has(key)) map.set(key, link.raw);
	}
	return map;
}

function unresolvedItems(counts: UnresolvedCount[], nested: Map<string, string>): UnresolvedItem[] {
	return counts.map((c) => ({ target: c.target, count: c.count, nestedRaw: nested.get(c.target.toLowerCase()) ?? null }));
}

function threadModel(index: ThreadIndexReader, thread: Thread, path: string, position: number): ThreadModel {
	const labels = new Map<string, string>();
	const entries: EntryModel[] = thread.entries.map((entry, i): EntryModel => {
		if (entry.kind === "missing") return { kind: "missing", index: i, target: entry.target };
		let label = labels.get(entry.path);
		if (label === undefined) {
			label = displayName(index, entry.path);
			labels.set(entry.path, label);
		}
		const same = entry.path === path;
		return {
			kind: "note",
			index: i,
			path: entry.path,
			label,
			current: same && i === position,
			sameNote: same && i !== position,
			fork: entry.fork,
			cycle: entry.cycle,
			selfLink: entry.selfLink,
		};
	});
	return {
		id: thread.id,
		sources: thread.sources,
		position,
		total: entries.length,
		entries,
		forkCount: thread.forks.length,
		cycleCount: thread.cycles.length,
	};
}

function seeAlsoLinks(index: ThreadIndexReader, record: IndexedNote): LinkItem[] {
	const seen = new Set<string>();
	const items: LinkItem[] = [];
	const links: LinkRef[] = record.parts.flatMap((p) => p.seeAlso);
	for (const link of links) {
		const key = link.target.toLowerCase();
		if (seen.has(key) || link.target === "") continue;
		seen.add(key);
		items.push({ target: link.target, path: index.resolve(link.target, record.path) });
	}
	return items;
}

export function buildPanelModel(index: ThreadIndexReader, path: string | null, state: IndexState, hint: PositionHint | null = null): PanelModel {
	const record = path === null ? undefined : index.note(path);
	if (path === null || record === undefined) {
		if (!state.ready) return { kind: "building", done: state.done, total: state.total };
		if (path === null) return index.size === 0 ? { kind: "empty-vault" } : { kind: "no-note" };
		return { kind: "not-conversation", path };
	}
	if (!isConversationNote(record)) return { kind: "not-conversation", path };
	const navigation = threadPosition(index, path, hint);
	const threads = index.threadsOf(path).map((thread) => {
		const position =
			navigation && navigation.thread.id === thread.id
				? navigation.position
				: thread.entries.findIndex((e) => e.kind === "note" && e.path === path);
		return threadModel(index, thread, path, position);
	});
	// The navigated thread first.
	threads.sort((a, b) => Number(b.id === navigation?.thread.id) - Number(a.id === navigation?.thread.id));
	const nested = nestedRawByTarget(record);
	const threadUnresolved = new Map<string, number>();
	for (const thread of threads) {
		for (const item of index.unresolvedForThread(thread.id)) {
			threadUnresolved.set(item.target, (threadUnresolved.get(item.target) ?? 0) + item.count);
		}
	}
	return {
		kind: "note",
		path,
		title: displayName(index, path),
		date: record.date,
		sources: record.sources.map((raw) => ({ raw, label: sourceLabel(raw) })),
		conversationIds: record.conversationIds,
		messageIds: messageIdsOf(record),
		categories: record.categories,
		tags: record.tags,
		threads,
		navigation,
		unresolvedNote: unresolvedItems(index.unresolvedForNote(path), nested),
		unresolvedThread: unresolvedItems(
			[...threadUnresolved].map(([target, count]) => ({ target, count })),
			nested,
		),
		seeAlso: seeAlsoLinks(index, record),
		diagnostics: record.diagnostics.filter((d) => d.severity !== "info").map((d) => d.message),
	};
}

/** "Exchange 3/7 · Claude" for the status bar, or null on a note outside any thread. */
export function statusText(index: ThreadIndexReader, path: string, hint: PositionHint | null = null): string | null {
	const record = index.note(path);
	if (!record || !isConversationNote(record)) return null;
	const pos = threadPosition(index, path, hint);
	const source = record.sources[0];
	const parts: string[] = [];
	if (pos) parts.push(`Exchange ${(pos.position + 1).toLocaleString()}/${pos.total.toLocaleString()}`);
	if (source !== undefined) parts.push(sourceLabel(source));
	return parts.length > 0 ? parts.join(" · ") : null;
}
