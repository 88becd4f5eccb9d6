// Strings the index keeps without keeping the note text they were cut from: copies of their own, and a
// pool that shares equal strings (tags, conversation ids, link targets) between notes.
import type { IndexedNote, LinkRef } from "./indexed-note";

/** Shared by every empty list of the index (frozen: never modified). */
export const EMPTY = Object.freeze([]) as unknown as never[];

/**
 * A copy of a string that shares no storage with the text it was cut from. V8 keeps a slice of 13+
 * characters as a view on its parent (the whole note). Joining two pieces builds one new flat string
 * (measured here: a third of the time of a JSON round trip, the same size; a concatenation sliced again
 * keeps a 32-byte view on a new copy).
 */
export function ownString(s: string): string {
	return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join("");
}

/** How many recent one-element lists `list` compares before hashing. */
const RECENT = 4;

/**
 * Shares identical strings (tags, conversation ids, headings) between notes; link targets have their own
 * table (link-targets.ts). `prune` drops strings no longer in use: the index calls it when the pool has
 * grown well past both the last live count and the number of notes (a first scan never prunes).
 */
export class StringPool {
	private map = new Map<string, string>();
	/** String -> a shared, frozen one-element list of it (a note's source, its conversation id). */
	private lists = new Map<string, readonly string[]>();
	/**
	 * The last one-element lists handed out, newest first: notes come folder by folder, so the next one
	 * mostly has the same source, conversation and category, found by comparing instead of hashing.
	 */
	private recent: (readonly string[])[] = [];
	private live = 0;

	get size(): number {
		return this.map.size;
	}

	intern(s: string): string {
		let v = this.map.get(s);
		if (v === undefined) {
			v = ownString(s);
			this.map.set(v, v);
		}
		return v;
	}

	internOrNull(s: string | null): string | null {
		return s === null ? null : this.intern(s);
	}

	/** The pooled strings of `list`; a one-element list is a shared, frozen one. */
	list(list: readonly string[]): string[] {
		if (list.length === 0) return EMPTY;
		const only = list.length === 1 ? list[0] : undefined;
		if (only === undefined) return list.map((s) => this.intern(s));
		const recent = this.recent;
		for (let i = 0; i < recent.length; i++) if ((recent[i] as readonly string[])[0] === only) return recent[i] as string[];
		let shared = this.lists.get(only);
		if (shared === undefined) {
			const s = this.intern(only);
			shared = Object.freeze([s]);
			this.lists.set(s, shared);
		}
		if (recent.length === RECENT) recent.pop();
		recent.unshift(shared);
		return shared as string[];
	}

	/** True when the pool has grown enough that rebuilding it from the live notes is worth it. */
	wantsPrune(noteCount: number): boolean {
		const size = this.map.size;
		return size > 4096 && size > 2 * this.live && size > 4 * noteCount;
	}

	/** Keeps only the strings `live` yields (each already from this pool). */
	prune(live: Iterable<IndexedNote>): void {
		const next = new Map<string, string>();
		const lists = new Map<string, readonly string[]>();
		const keep = (s: string | null): void => {
			if (s !== null) next.set(s, s);
		};
		const keepList = (list: readonly string[]): void => {
			list.forEach(keep);
			const only = list.length === 1 ? list[0] : undefined;
			const shared = only === undefined ? undefined : this.lists.get(only);
			if (only !== undefined && shared === list) lists.set(only, shared);
		};
		// Link targets are not here: only the heading and block of an anchored link.
		const keepRef = (l: LinkRef): void => {
			keep(l.heading);
			keep(l.block);
		};
		for (const note of live) {
			for (const list of [note.sources, note.conversationIds, note.categories, note.tags]) keepList(list);
			for (const d of note.documents) keepList(d.conversationIds);
			note.anchoredLinks.forEach(keepRef);
			for (const p of note.parts) for (const l of [...p.preceding, ...p.following, ...p.seeAlso]) keepRef(l);
		}
		this.map = next;
		this.lists = lists;
		this.recent = [];
		this.live = next.size;
	}

	clear(): void {
		this.map.clear();
		this.recent = [];
		this.lists.clear();
		this.live = 0;
	}
}
