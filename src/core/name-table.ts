// The resolver's tables: name key -> the files of that name.

/** Name key -> files. Most names have one file: it is kept as a one-element list made on demand. */
export class NameTable {
	private readonly map = new Map<string, string | string[]>();

	add(key: string, path: string): void {
		const cur = this.map.get(key);
		if (cur === undefined) this.map.set(key, path);
		else if (typeof cur === "string") {
			if (cur !== path) this.map.set(key, [cur, path]);
		} else if (!cur.includes(path)) cur.push(path);
	}

	remove(key: string, path: string): void {
		const cur = this.map.get(key);
		if (cur === undefined) return;
		if (typeof cur === "string") {
			if (cur === path) this.map.delete(key);
			return;
		}
		const at = cur.indexOf(path);
		if (at >= 0) cur.splice(at, 1);
		if (cur.length === 1) this.map.set(key, cur[0] as string);
		else if (cur.length === 0) this.map.delete(key);
	}

	get(key: string): readonly string[] | undefined {
		const cur = this.map.get(key);
		return typeof cur === "string" ? [cur] : cur;
	}

	clear(): void {
		this.map.clear();
	}
}
