// Key -> distinct values, compact for the common case (one to a few values per key) and for hubs (a name
// linked from thousands of notes): a hub keeps a plain list (8 bytes a value, where a Set takes 20 to 40)
// with the values deleted since the last compaction set aside, so adding and deleting stay O(1).
//
// Contract (what the thread index does): a value is added to a key only when it is not there, and deleted
// only when it is. Small keys check anyway; a hub relies on it.
//
// The value sets are plain data (`Values`) handled by functions, so a table that keeps other things per
// key (see link-targets.ts) holds them in its own entries without a second map.

const SMALL = 8;

interface Hub {
	list: string[];
	/** Values deleted but still in `list`; the list is compacted when they make up half of it. */
	gone: Set<string> | null;
}

/** A set of distinct values: one value, a short list, or a hub. */
export type Values = string | string[] | Hub;

/** `cur` with `value` added: the same object, or a new one to store in its place. */
export function addValue(cur: Values | undefined, value: string): Values {
	if (cur === undefined) return value;
	if (typeof cur === "string") return cur === value ? cur : [cur, value];
	if (Array.isArray(cur)) {
		if (cur.includes(value)) return cur;
		if (cur.length < SMALL) {
			cur.push(value);
			return cur;
		}
		return { list: [...cur, value], gone: null };
	}
	if (!(cur.gone?.delete(value) ?? false)) cur.list.push(value);
	return cur;
}

/** `cur` without `value`: the same object, a new one to store in its place, or undefined when empty. */
export function deleteValue(cur: Values, value: string): Values | undefined {
	if (typeof cur === "string") return cur === value ? undefined : cur;
	if (Array.isArray(cur)) {
		const at = cur.indexOf(value);
		if (at < 0) return cur;
		cur.splice(at, 1);
		return cur.length === 1 ? cur[0] : cur;
	}
	cur.gone ??= new Set();
	cur.gone.add(value);
	return cur.gone.size * 2 >= cur.list.length ? compact(cur) : cur;
}

function compact(hub: Hub): Values | undefined {
	const gone = hub.gone;
	const live = gone === null ? hub.list : hub.list.filter((v) => !gone.has(v));
	if (live.length === 0) return undefined;
	if (live.length === 1) return live[0];
	return live.length <= SMALL ? live : { list: live, gone: null };
}

/** The values (a snapshot is not taken: do not modify them while iterating). */
export function valuesOf(cur: Values | undefined): Iterable<string> {
	if (cur === undefined) return [];
	if (typeof cur === "string") return [cur];
	if (Array.isArray(cur)) return cur;
	const gone = cur.gone;
	return gone === null || gone.size === 0 ? cur.list : cur.list.filter((v) => !gone.has(v));
}

export class MultiMap {
	private readonly map = new Map<string, Values>();

	add(key: string, value: string): void {
		const cur = this.map.get(key);
		const next = addValue(cur, value);
		if (next !== cur) this.map.set(key, next);
	}

	delete(key: string, value: string): void {
		const cur = this.map.get(key);
		if (cur === undefined) return;
		const next = deleteValue(cur, value);
		if (next === undefined) this.map.delete(key);
		else if (next !== cur) this.map.set(key, next);
	}

	has(key: string): boolean {
		return this.map.has(key);
	}

	/** The values of a key (a snapshot is not taken: do not modify the key while iterating). */
	get(key: string): Iterable<string> {
		return valuesOf(this.map.get(key));
	}

	keys(): IterableIterator<string> {
		return this.map.keys();
	}

	clear(): void {
		this.map.clear();
	}
}
