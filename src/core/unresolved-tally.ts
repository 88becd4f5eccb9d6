// Unresolved links per note and vault-wide, recounted lazily for the notes marked dirty.
import type { IndexedNote, LinkRef } from "./indexed-note";
import { MultiMap } from "./multi-map";
import type { UnresolvedCount, VaultUnresolved } from "./thread-model";
import { targetKey } from "./thread-order";

/** Where a note's link leads, or null. */
export type LinkResolve = (link: LinkRef, note: IndexedNote) => string | null;

function byCountThenTarget(a: UnresolvedCount, b: UnresolvedCount): number {
	return b.count - a.count || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
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

/** Whether a flat [target, count, ...] list holds `target`. */
function hasTarget(flat: readonly (string | number)[], target: string): boolean {
	for (let i = 0; i < flat.length; i += 2) if (flat[i] === target) return true;
	return false;
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
	/** Target -> linking notes; and their sorted list once asked for (dropped when the notes change). */
	private readonly byTarget = new MultiMap();
	private readonly sorted = new Map<string, string[]>();
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
		this.sorted.clear();
		this.vaultCache = null;
	}

	/** Recount every dirty note; `note` gives undefined for a note that no longer exists. */
	flush(note: (path: string) => IndexedNote | undefined, resolve: LinkResolve): void {
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
		// Touch only the targets that came or went, so a hub name does not re-sort every list.
		if (old !== undefined) for (let i = 0; i < old.length; i += 2) if (!counts.has(old[i] as string)) this.unlink(old[i] as string, path);
		const flat = new Array<string | number>(counts.size * 2);
		let same = old !== undefined && old.length === flat.length;
		// A note with many unresolved targets gets a Set, so this stays linear.
		const oldTargets = old !== undefined && old.length > 64 ? new Set(old.filter((_, i) => i % 2 === 0)) : null;
		let j = 0;
		for (const [target, count] of counts) {
			if (old === undefined || !(oldTargets !== null ? oldTargets.has(target) : hasTarget(old, target))) this.link(target, path);
			if (same && (old?.[j] !== target || old[j + 1] !== count)) same = false;
			flat[j++] = target;
			flat[j++] = count;
		}
		if (!same) this.perNote.set(path, flat);
	}

	private link(target: string, path: string): void {
		this.vaultCache = null;
		this.byTarget.add(target, path);
		this.sorted.delete(target);
	}

	private unlink(target: string, path: string): void {
		this.vaultCache = null;
		this.byTarget.delete(target, path);
		this.sorted.delete(target);
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
			for (const target of this.byTarget.keys()) {
				let notes = this.sorted.get(target);
				if (notes === undefined) {
					notes = [...this.byTarget.get(target)].sort();
					this.sorted.set(target, notes);
				}
				list.push({ target, count: notes.length, notes });
			}
			this.vaultCache = list.sort(byCountThenTarget);
		}
		return this.vaultCache;
	}
}
