// Key -> distinct values, compact for the common case (one to a few values per key) and for hubs (a name
// linked from thousands of notes): a hub keeps a plain list (8 bytes a value, where a Set takes 20 to 40)
// with the values deleted since the last compaction set aside, so adding and deleting stay O(1).
//
// Contract (what the thread index does): a value is added to a key only when it is not there, and deleted
// only when it is. Small keys check anyway; a hub relies on it.

const SMALL = 8;

interface Hub {
	list: string[];
	/** Values deleted but still in `list`; the list is compacted when they make up half of it. */
	gone: Set<string> | null;
}

type Entry = string | string[] | Hub;

export class MultiMap {
	private readonly map = new Map<string, Entry>();

	add(key: string, value: string): void {
		const cur = this.map.get(key);
		if (cur === undefined) this.map.set(key, value);
		else if (typeof cur === "string") {
			if (cur !== value) this.map.set(key, [cur, value]);
		} else if (Array.isArray(cur)) {
			if (cur.includes(value)) return;
			if (cur.length < SMALL) cur.push(value);
			else this.map.set(key, { list: [...cur, value], gone: null });
		} else if (!(cur.gone?.delete(value) ?? false)) {
			cur.list.push(value);
		}
	}

	delete(key: string, value: string): void {
		const cur = this.map.get(key);
		if (cur === undefined) return;
		if (typeof cur === "string") {
			if (cur === value) this.map.delete(key);
		} else if (Array.isArray(cur)) {
			const at = cur.indexOf(value);
			if (at < 0) return;
			cur.splice(at, 1);
			if (cur.length === 1) this.map.set(key, cur[0] as string);
		} else {
			cur.gone ??= new Set();
			cur.gone.add(value);
			if (cur.gone.size * 2 >= cur.list.length) this.compact(key, cur);
		}
	}

	private compact(key: string, hub: Hub): void {
		const gone = hub.gone;
		const live = gone === null ? hub.list : hub.list.filter((v) => !gone.has(v));
		if (live.length === 0) this.map.delete(key);
		else if (live.length === 1) this.map.set(key, live[0] as string);
		else if (live.length <= SMALL) this.map.set(key, live);
		else this.map.set(key, { list: live, gone: null });
	}

	has(key: string): boolean {
		return this.map.has(key);
	}


	/** The values of a key (a snapshot is not taken: do not modify the key while iterating). */
	get(key: string): Iterable<string> {
		const cur = this.map.get(key);
		if (cur === undefined) return [];
		if (typeof cur === "string") return [cur];
		if (Array.isArray(cur)) return cur;
		const gone = cur.gone;
		return gone === null || gone.size === 0 ? cur.list : cur.list.filter((v) => !gone.has(v));
	}

	keys(): IterableIterator<string> {
		return this.map.keys();
	}

	clear(): void {
		this.map.clear();
	}
}
