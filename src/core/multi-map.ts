// Key -> distinct values, compact for the common case (one to a few values per key) and O(1) for hubs.

const SMALL = 8;

export class MultiMap {
	private readonly map = new Map<string, string | string[] | Set<string>>();

	add(key: string, value: string): void {
		const cur = this.map.get(key);
		if (cur === undefined) this.map.set(key, value);
		else if (typeof cur === "string") {
			if (cur !== value) this.map.set(key, [cur, value]);
		} else if (Array.isArray(cur)) {
			if (cur.includes(value)) return;
			if (cur.length < SMALL) cur.push(value);
			else this.map.set(key, new Set([...cur, value]));
		} else cur.add(value);
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
			cur.delete(value);
			if (cur.size === 0) this.map.delete(key);
		}
	}

	has(key: string): boolean {
		return this.map.has(key);
	}

	/** The values of a key (a snapshot is not taken: do not modify the key while iterating). */
	get(key: string): Iterable<string> {
		const cur = this.map.get(key);
		return cur === undefined ? [] : typeof cur === "string" ? [cur] : cur;
	}

	keys(): IterableIterator<string> {
		return this.map.keys();
	}

	clear(): void {
		this.map.clear();
	}
}
