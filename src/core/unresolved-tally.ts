// Unresolved links per note and vault-wide, recounted lazily for the notes marked dirty.
import type { IndexedNote, LinkRef } from "./indexed-note";
import { MultiMap } from "./multi-map";
import type { UnresolvedCount, VaultUnresolved } from "./thread-model";
import { targetKey } from "./thread-order";
import { compareText } from "./compare";

/** Where a note's link leads, or null. */
export type LinkResolve = (link: LinkRef, note: IndexedNote) => string | null;

function byCountThenTarget(a: UnresolvedCount, b: UnresolvedCount): number {
	return b.count - a.count || compareText(a.target, b.target);
}

/** Distinct lower-cased targets of a note's links that resolve to nothing, with occurrence counts. */
export function countUnresolved(note: IndexedNote, resolve: LinkResolve): Map<string, number> {
	const counts = new Map<string, number>();
	const add = (target: string, count: number): void => {
		const key = targetKey(target);
		if (key !== "") counts.set(key, (counts.get(key) ?? 0) + count);
	};
	const plain: LinkRef = { target: "", heading: null, block: null };
	for (const target of note.linkTargets) {
		plain.target = target;
		if (resolve(plain, note) === null) add(target, 1);
	}
	for (const link of note.anchoredLinks) if (resolve(link, note) === null) add(link.target, link.count);
	return counts;
}

/**
 * A note's unresolved targets, packed: one target linked once is the string itself; otherwise a list of
 * targets, each followed by its count only when that is above 1 (most are 1).
 */
type Packed = string | (string | number)[];

function pack(counts: Map<string, number>): Packed {
	if (counts.size === 1) {
		for (const [target, count] of counts) if (count === 1) return target;
	}
	let size = counts.size;
	for (const count of counts.values()) if (count !== 1) size++;
	// Sized up front: a list grown by push keeps spare room.
	const out = new Array<string | number>(size);
	let i = 0;
	for (const [target, count] of counts) {
		out[i++] = target;
		if (count !== 1) out[i++] = count;
	}
	return out;
}

function unpack(packed: Packed): UnresolvedCount[] {
	if (typeof packed === "string") return [{ target: packed, count: 1 }];
	const out: UnresolvedCount[] = [];
	for (let i = 0; i < packed.length; i++) {
		const next = packed[i + 1];
		const count = typeof next === "number" ? next : 1;
		out.push({ target: packed[i] as string, count });
		if (typeof next === "number") i++;
	}
	return out;
}

function targetsOf(packed: Packed): string[] {
	return typeof packed === "string" ? [packed] : packed.filter((x): x is string => typeof x === "string");
}

function samePacked(a: Packed, b: Packed): boolean {
	if (typeof a === "string" || typeof b === "string") return a === b;
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A target's linking notes, sorted, and the notes that came (a path) or went (`{ removed }`) since, in
 * order. An edit touches a few targets that thousands of notes link to: replaying its changes on a copy
 * costs a copy, where sorting the list again cost a sort (seen: 20 edits made the next vault-wide read at
 * 50,000 notes about 0.2 s slower).
 */
interface SortedNotes {
	notes: string[];
	changes: (string | { removed: string })[];
}

/** Changes kept per sorted list; a note coming or going for a hub (thousands at once) drops the list instead. */
const MAX_CHANGES = 32;

/** Where `path` is, or would go, in the sorted `list` (code-unit order, as `Array.prototype.sort`). */
function sortedIndex(list: readonly string[], path: string): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((list[mid] as string) < path) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** A copy of the sorted `notes` with the changes replayed in order. */
function applyChanges(notes: readonly string[], changes: readonly (string | { removed: string })[]): string[] {
	const out = notes.slice();
	for (const change of changes) {
		const path = typeof change === "string" ? change : change.removed;
		const at = sortedIndex(out, path);
		const present = out[at] === path;
		if (typeof change === "string" && !present) out.splice(at, 0, path);
		else if (typeof change !== "string" && present) out.splice(at, 1);
	}
	return out;
}

export class UnresolvedTally {
	private readonly dirty = new Set<string>();
	/**
	 * True until the first count after the tally was made or cleared: every note is dirty then, so `dirty`
	 * is not kept (a first scan would add every note to it), and the first flush counts every note.
	 */
	private all = true;
	/** Per note, its unresolved targets and counts (packed). */
	private readonly perNote = new Map<string, Packed>();
	/** Target -> linking notes; and their sorted list once asked for (see `SortedNotes`). */
	private readonly byTarget = new MultiMap();
	private readonly sorted = new Map<string, SortedNotes>();
	private vaultCache: VaultUnresolved[] | null = null;

	markDirty(path: string): void {
		if (!this.all) this.dirty.add(path);
	}

	/** Forget a note now (deleted, or about to be re-added). */
	remove(path: string): void {
		this.dirty.delete(path);
		this.drop(path);
	}

	clear(): void {
		this.dirty.clear();
		this.perNote.clear();
		this.byTarget.clear();
		this.sorted.clear();
		this.vaultCache = null;
		this.all = true;
	}

	/** Recount every dirty note; `note` gives undefined for a note that no longer exists, `every` every note. */
	flush(note: (path: string) => IndexedNote | undefined, resolve: LinkResolve, every: () => Iterable<IndexedNote>): void {
		if (this.all) {
			this.all = false;
			for (const record of every()) this.apply(record.path, countUnresolved(record, resolve));
			return;
		}
		if (this.dirty.size === 0) return;
		for (const path of this.dirty) {
			const record = note(path);
			if (record === undefined) this.drop(path);
			else this.apply(path, countUnresolved(record, resolve));
		}
		this.dirty.clear();
	}

	/** Sets a note's unresolved counts, updating the vault-wide lists for the targets that came or went. */
	private apply(path: string, counts: Map<string, number>): void {
		const old = this.perNote.get(path);
		if (counts.size === 0) {
			if (old !== undefined) this.drop(path);
			return;
		}
		const packed = pack(counts);
		if (old !== undefined && samePacked(old, packed)) return;
		// Touch only the targets that came or went, so a hub name does not re-sort every list.
		const oldTargets = old === undefined ? null : targetsOf(old);
		if (oldTargets !== null) for (const target of oldTargets) if (!counts.has(target)) this.unlink(target, path);
		// A note with many unresolved targets gets a Set, so this stays linear.
		const had: { has(t: string): boolean } | null = oldTargets === null ? null : oldTargets.length > 32 ? new Set(oldTargets) : oldTargets.length === 1 ? { has: (t) => t === oldTargets[0] } : { has: (t) => oldTargets.includes(t) };
		for (const target of counts.keys()) if (had === null || !had.has(target)) this.link(target, path);
		this.perNote.set(path, packed);
	}

	private link(target: string, path: string): void {
		this.vaultCache = null;
		this.byTarget.add(target, path);
		this.noteChange(target, path, true);
	}

	private unlink(target: string, path: string): void {
		this.vaultCache = null;
		this.byTarget.delete(target, path);
		if (this.byTarget.has(target)) this.noteChange(target, path, false);
		else this.sorted.delete(target);
	}

	/** Keeps a sorted list through a few changes; past that it is dropped and sorted anew when asked for. */
	private noteChange(target: string, path: string, added: boolean): void {
		const sorted = this.sorted.get(target);
		if (sorted === undefined) return;
		if (sorted.changes.length >= MAX_CHANGES) this.sorted.delete(target);
		else sorted.changes.push(added ? path : { removed: path });
	}

	/** The sorted linkers of a target (a new list when they changed: lists handed out are never modified). */
	private sortedNotes(target: string): string[] {
		const sorted = this.sorted.get(target);
		if (sorted === undefined) {
			const notes = [...this.byTarget.get(target)].sort();
			this.sorted.set(target, { notes, changes: [] });
			return notes;
		}
		if (sorted.changes.length > 0) {
			sorted.notes = applyChanges(sorted.notes, sorted.changes);
			sorted.changes = [];
		}
		return sorted.notes;
	}

	private drop(path: string): void {
		const packed = this.perNote.get(path);
		if (packed === undefined) return;
		this.perNote.delete(path);
		for (const target of targetsOf(packed)) this.unlink(target, path);
	}

	/** Most frequent first, then by target. */
	forNote(path: string): UnresolvedCount[] {
		const packed = this.perNote.get(path);
		if (packed === undefined) return [];
		return unpack(packed).sort(byCountThenTarget);
	}

	/** Occurrences summed over the notes. */
	forNotes(paths: Iterable<string>): UnresolvedCount[] {
		const sum = new Map<string, number>();
		for (const path of paths) {
			const packed = this.perNote.get(path);
			if (packed === undefined) continue;
			for (const { target, count } of unpack(packed)) sum.set(target, (sum.get(target) ?? 0) + count);
		}
		return [...sum].map(([target, count]) => ({ target, count })).sort(byCountThenTarget);
	}

	/** Ranked by the number of linking notes, then by target. */
	vault(): VaultUnresolved[] {
		if (this.vaultCache === null) {
			const list: VaultUnresolved[] = [];
			for (const target of this.byTarget.keys()) {
				const notes = this.sortedNotes(target);
				list.push({ target, count: notes.length, notes });
			}
			this.vaultCache = list.sort(byCountThenTarget);
		}
		return this.vaultCache;
	}
}
