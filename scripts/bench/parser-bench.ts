// a. Parser throughput against a read+regex floor; b. linear growth of the parser on huge/hostile notes.
import { parseNote } from "../../src/core/note-parser";
import { floorPass, gc, int, makeTempDir, median, ms, ratio, readText, removeDir, table, timeIt, writeVault } from "./measure";
import { log, mb, type Options } from "./options";
import { generateVault, hugeNote, type HugeKind } from "./vault-generator";

// ---------------------------------------------------------------- a. parser throughput

export function benchParser(opts: Options): void {
	log(`## a. Parser throughput (${int(opts.parserNotes)} generated notes, read from disk)`);
	const notes = generateVault({ notes: opts.parserNotes, seed: 11 });
	const dir = makeTempDir("parser");
	try {
		writeVault(dir, notes);
		const paths = notes.map((n) => n.path);
		let bytes = 0;
		for (const n of notes) bytes += n.text.length;
		const floors: number[] = [];
		const parses: number[] = [];
		let sink = 0;
		for (let round = 0; round < 4; round++) {
			floors.push(timeIt(() => (sink += floorPass(dir, paths))));
			parses.push(
				timeIt(() => {
					for (const p of paths) sink += parseNote(p, readText(dir, p)).links.length;
				}),
			);
		}
		// Round 0 is a warm-up (JIT, page cache).
		const floor = median(floors.slice(1));
		const parse = median(parses.slice(1));
		const rate = (t: number): string => `${int((paths.length / t) * 1000)} notes/s`;
		log(`vault: ${int(paths.length)} notes, ${mb(bytes)}, average ${int(bytes / paths.length)} chars/note`);
		log(
			table([
				["pass", "median time", "throughput", "vs floor"],
				["floor: read + one regex pass", ms(floor), rate(floor), "1.00x"],
				["read + parseNote", ms(parse), rate(parse), ratio(parse, floor)],
			]),
		);
		if (sink < 0) log("");
	} finally {
		removeDir(dir);
	}
	log();
}

// ---------------------------------------------------------------- b. linear growth on huge notes

export function benchHuge(opts: Options): void {
	const [small, large] = opts.hugeSizes as [number, number];
	// Sizes doubling from small to large, so the trend shows and not only its ends.
	const sizes: number[] = [];
	for (let size = small; size <= large; size *= 2) sizes.push(size);
	log(`## b. Linear growth: one huge note, ${sizes.map(mb).join(", ")} (median of 5, collected garbage before each)`);
	const rows: string[][] = [["note kind", ...sizes.map((size) => `parse ${mb(size)}`), `ratio ${mb(large)}/${mb(small)}`, "expected"]];
	const kinds: HugeKind[] = ["realistic", "open-brackets", "close-brackets"];
	for (const kind of kinds) {
		const times: number[] = [];
		for (const size of sizes) {
			const text = hugeNote(size, kind);
			parseNote("huge.md", text); // warm-up
			const runs: number[] = [];
			for (let i = 0; i < 5; i++) {
				gc();
				runs.push(timeIt(() => parseNote("huge.md", text)));
			}
			times.push(median(runs));
		}
		const ts = times[0] as number;
		const tl = times[times.length - 1] as number;
		rows.push([kind, ...times.map(ms), ratio(tl, ts), `${(large / small).toFixed(0)}x = linear`]);
	}
	log(table(rows));
	log();
}
