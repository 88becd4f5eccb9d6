import { expect, test } from "vitest";
import { MultiMap } from "../../src/core/multi-map";

test("a MultiMap holds the same values as a map of sets, through small lists, hubs and compactions", () => {
	let seed = 7;
	const rand = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	const map = new MultiMap();
	const ref = new Map<string, Set<string>>();
	const keys = ["hub", "mid", "small"];
	const spread = { hub: 400, mid: 12, small: 3 } as Record<string, number>;
	for (let i = 0; i < 20_000; i++) {
		const key = keys[rand(keys.length)] as string;
		const value = `v${rand(spread[key] as number)}`;
		const set = ref.get(key) ?? new Set<string>();
		// The contract: add only what is absent, delete only what is present.
		if (set.has(value)) {
			map.delete(key, value);
			set.delete(value);
		} else {
			map.add(key, value);
			set.add(value);
		}
		if (set.size === 0) ref.delete(key);
		else ref.set(key, set);
		if (i % 97 === 0 || i > 19_900) {
			for (const k of keys) {
				expect(map.has(k)).toBe(ref.has(k));
				expect([...map.get(k)].sort()).toEqual([...(ref.get(k) ?? [])].sort());
			}
		}
	}
	// Emptying a hub removes its key.
	for (const v of [...map.get("hub")]) map.delete("hub", v);
	expect(map.has("hub")).toBe(false);
	expect([...map.get("hub")]).toEqual([]);
});
