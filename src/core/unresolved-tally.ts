// Unresolved links per note and vault-wide, recounted lazily for the notes marked dirty.
import type { NoteRecord, WikiLink } from "./note-record";
import type { UnresolvedCount, VaultUnresolved } from "./thread-model";
import { targetKey } from "./thread-order";

/** Where a note's link leads, or null. */
export type LinkResolve = (link: WikiLink, note: NoteRecord) => string | null;

function byCountThenTarget(a: UnresolvedCount, b: UnresolvedCount): number {
	return b.count - a.count || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
}

/** Distinct lower-cased targets of a note's links that resolve to nothing, with occurrence counts. */
export function countUnresolved(note: NoteRecord, resolve: LinkResolve): Map<string, number> {
	const counts = new Map<string, number>();
	for (const link of note.links) {
		if (resolve(link, note) !== null) continue;
		const key = targetKey(link.target);
		if (key === "") continue;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

function pairs(flat: readonly (string | number)[]): UnresolvedCount[] {
	const out: UnresolvedCount[] = [];
	for (let i = 0; i < flat.length; i += 2) out.push({ target: flat[i] as string, count: flat[i + 1] as number });
	return out;
}

export class UnresolvedTally {
	private readonly dirty = new Set<string>();
	/** Per note, its unresolved targets and counts, flat: [target, count, target, count, ...]. */
	private readonly perNote = new Map<string, (string | number)[]>();
	/** Target -> linking notes, and their sorted list once asked for (dropped when the set changes). */
	private readonly byTarget = new Map<string, { notes: Set<string>; sorted: string[] | null }>();
	private vaultCache: VaultUnresolved[] | null = null;

	markDirty(path: string): void {
		this.dirty.add(path);
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
		this.vaultCache = null;
	}

	/** Recount every dirty note; `note` gives undefined for a note that no longer exists. */
	flush(note: (path: string) => NoteRecord | undefined, resolve: LinkResolve): void {
		if (this.dirty.size === 0) return;
		for (const path of this.dirty) {
			const record = note(path);
			if (record === undefined) {
				this.drop(path);
				continue;
			}
			const counts = countUnresolved(record, resolve);
			const old = this.perNote.get(path) ?? [];
			// Touch only the targets that came or went, so a hub name does not re-sort every list.
			for (let i = 0; i < old.length; i += 2) if (!counts.has(old[i] as string)) this.unlink(old[i] as string, path);
			for (const target of counts.keys()) if (!old.includes(target)) this.link(target, path);
			if (counts.size === 0) this.perNote.delete(path);
			else this.perNote.set(path, [...counts].flat());
		}
		this.dirty.clear();
	}

	private link(target: string, path: string): void {
		this.vaultCache = null;
		const entry = this.byTarget.get(target);
		if (entry === undefined) this.byTarget.set(target, { notes: new Set([path]), sorted: null });
		else {
			entry.notes.add(path);
			entry.sorted = null;
		}
	}

	private unlink(target: string, path: string): void {
		this.vaultCache = null;
		const entry = this.byTarget.get(target);
		if (entry === undefined) return;
		entry.notes.delete(path);
		entry.sorted = null;
		if (entry.notes.size === 0) this.byTarget.delete(target);
	}

	private drop(path: string): void {
		const counts = this.perNote.get(path);
		if (counts === undefined) return;
		this.perNote.delete(path);
		for (let i = 0; i < counts.length; i += 2) this.unlink(counts[i] as string, path);
	}

	/** Most frequent first, then by target. */
	forNote(path: string): UnresolvedCount[] {
		const counts = this.perNote.get(path);
		if (counts === undefined) return [];
		return pairs(counts).sort(byCountThenTarget);
	}

	/** Occurrences summed over the notes. */
	forNotes(paths: Iterable<string>): UnresolvedCount[] {
		const sum = new Map<string, number>();
		for (const path of paths) {
			for (const { target, count } of pairs(this.perNote.get(path) ?? [])) sum.set(target, (sum.get(target) ?? 0) + count);
		}
		return [...sum].map(([target, count]) => ({ target, count })).sort(byCountThenTarget);
	}

	/** Ranked by the number of linking notes, then by target. */
	vault(): VaultUnresolved[] {
		if (this.vaultCache === null) {
			const list: VaultUnresolved[] = [];
			for (const [target, entry] of this.byTarget) {
				entry.sorted ??= [...entry.notes].sort();
				list.push({ target, count: entry.notes.size, notes: entry.sorted });
			}
			this.vaultCache = list.sort(byCountThenTarget);
		}
		return this.vaultCache;
	}
}
